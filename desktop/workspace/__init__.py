"""The application layer without Qt, shared by the window, the CLI and ``readout batch``.

What a session's inputs are and where dropped or opened documents go
(``inputs``, ``placement``, ``sources``), which comparison runs (``comparing``),
what the window shows of it (``preparing``: claims rows, link-map bands,
alignment, notes placed on their sentences), and which sentence the keyboard goes
to next (``navigation``). Documents are named by ``desktop.naming``.

Nothing here imports Qt or ``desktop.ui``; the window renders what these modules
decide, and the CLI and batch print or write it.
"""
