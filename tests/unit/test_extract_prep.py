"""Text preparation: debris blanked and headlines sentence-cased, offsets unchanged."""

from loader.extract.prep import prepare_text

TRIGGERS = frozenset({"accuse", "recognize", "send", "warn"})


def test_debris_blanked_same_length():
    text = ("Russia Accuses US Of Meddling\n\nBy Anna Smith | Jan. 4, 2019 | 3:00pm EST\n"
            "Font Size\nPutin spoke. (Photo: AP)\n")
    prepared = prepare_text(text, TRIGGERS)
    assert len(prepared) == len(text)
    assert prepared.splitlines()[0] == "Russia accuses US of meddling"
    assert prepared.splitlines()[2].strip() == ""
    assert prepared.splitlines()[3].strip() == ""
    assert prepared.splitlines()[4].rstrip() == "Putin spoke."


def test_sentences_that_start_with_by_are_kept():
    text = "By Thursday, Russia had sent troops\nto Syria.\nBy Jane Doe and John Roe, Reuters\n"
    lines = prepare_text(text, TRIGGERS).splitlines()
    assert lines[0] == "By Thursday, Russia had sent troops"
    assert lines[2].strip() == ""


def test_headline_keeps_names_seen_in_the_body():
    text = "Kremlin Warns Lithuania Over Kaliningrad Transit\n\nThe Kremlin said Kaliningrad was cut off.\n"
    first = prepare_text(text, TRIGGERS).splitlines()[0]
    assert first == "Kremlin warns Lithuania over Kaliningrad transit"


def test_title_case_line_without_trigger_untouched():
    text = "Venezuela Tensions Rise Again\n\nText here.\n"
    assert prepare_text(text, TRIGGERS) == text
