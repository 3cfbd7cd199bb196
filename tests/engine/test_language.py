import hashlib
from importlib import resources

from desktop.engine.language import detect_language, language_name

# py3langid 0.4.0's model, as measured for issue 13; a new model is a new measurement.
MODEL_SHA256 = "f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963"


def test_the_detector_model_is_the_one_measured() -> None:
    model = resources.files("py3langid").joinpath("data/model.npz.xz").read_bytes()
    assert hashlib.sha256(model).hexdigest() == MODEL_SHA256


def test_short_texts_in_the_readouts_languages() -> None:
    assert detect_language("The two leaders agreed to remain in touch.") == "en"
    assert detect_language("दोनों नेताओं ने संपर्क में बने रहने पर सहमति जताई।") == "hi"
    assert detect_language("双方同意保持沟通。") == "zh"
    assert detect_language("دونوں رہنماؤں نے رابطے میں رہنے پر اتفاق کیا۔") == "ur"
    assert detect_language("Стороны договорились поддерживать контакты.") == "ru"


def test_a_text_without_letters_has_no_language() -> None:
    assert detect_language("") == ""
    assert detect_language("12 / 08 / 2025 — ***") == ""


def test_language_names_for_the_warning() -> None:
    assert language_name("hi") == "Hindi"
    assert language_name("zh") == "Chinese"
    assert language_name("") == "unknown"


def test_a_long_document_is_read_from_slices_across_it() -> None:
    english = "The two leaders agreed to remain in touch on regional security. " * 2000
    hindi = "दोनों नेताओं ने क्षेत्रीय सुरक्षा पर संपर्क में बने रहने पर सहमति जताई। " * 6000
    assert len(english + hindi) > 64 * 1024
    # Mostly Hindi, with a long English stretch first: the slices see the whole text.
    assert detect_language(english + hindi) == "hi"
    # A short stretch in another script does not outvote a long English article.
    assert detect_language(hindi[:2000] + english * 3) == "en"
