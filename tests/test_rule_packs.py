"""Every built-in rule loads, has fail and pass examples, and behaves as its examples say;
`newslint test-rules` checks built-in and house packs alike."""

from __future__ import annotations

import pytest
from conftest import run_cli

from lint.config import Config
from lint.packs import builtin_rules_dir, packs_in
from lint.rulespec import load_pack
from lint.runner import Linter
from lint.selftest import check_rule


def builtin_specs():
    specs, errors = [], []
    for name, folder in packs_in(builtin_rules_dir()).items():
        found, problems = load_pack(folder, name)
        specs.extend(found)
        errors.extend(problems)
    return specs, errors


SPECS, LOAD_ERRORS = builtin_specs()
LINTER = Linter(Config())


def test_built_in_packs_load_without_errors():
    assert [str(e) for e in LOAD_ERRORS] == []
    assert {"style"} <= {s.pack for s in SPECS}


def test_ids_come_from_pack_folder_and_file_name():
    for spec in SPECS:
        assert spec.path.endswith(f"/{spec.pack}/{spec.id.split('.', 1)[1]}.yaml")


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_every_rule_has_fail_and_pass_examples(spec):
    assert len(spec.fail_examples) >= 1, f"{spec.id} has no 'fail' example"
    assert len(spec.pass_examples) >= 1, f"{spec.id} has no 'pass' example"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_every_rule_behaves_as_its_examples_say(spec):
    assert [f.message for f in check_rule(LINTER, spec)] == []


def test_test_rules_passes_on_the_built_in_packs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no project configuration
    status, out, _ = run_cli("test-rules")
    assert status == 0, out
    assert out.endswith(f"{len(SPECS)} of {len(SPECS)} rules passed their examples.\n")


HOUSE = {
    "no-zut.yaml": """\
type: existence
message: "Pas de « {match} »."
tokens: [zut]
examples:
  fail: [{text: "Zut alors.", lang: fr}, "Oh, zut."]
  pass: ["Flûte alors."]
""",
    "good.yaml": """\
type: substitution
message: "'{replacement}', not '{match}'"
swap: {utilize: use}
examples:
  fail: ["We utilize it."]
  pass: ["We use it."]
""",
    "no-examples.yaml": "type: existence\nmessage: m\ntokens: [x]\n",
}


def test_test_rules_reports_a_failing_house_example(tmp_path, monkeypatch):
    for name, text in HOUSE.items():
        (tmp_path / "house").mkdir(exist_ok=True)
        (tmp_path / "house" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run_cli("test-rules", "house")
    assert status == 1, err
    assert out.splitlines() == [
        "FAIL house.no-examples: needs at least one 'fail' and one 'pass' example",
        # "Zut" is capitalised and the rule is case-sensitive: a deliberate miss.
        "FAIL house.no-zut: fail example 1 (fr) was not flagged: 'Zut alors.'",
        "1 of 3 rules passed their examples.",
    ]


def test_test_rules_reports_an_invalid_house_rule_with_its_position(tmp_path, monkeypatch):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "bad.yaml").write_text("type: existence\nmessage: m\ntokns: [x]\n")
    monkeypatch.chdir(tmp_path)
    status, _, err = run_cli("test-rules", "house")
    assert status == 2
    assert "house/bad.yaml:3:1: error: house.bad: unknown option 'tokns'" in err


PINNED = """\
type: existence
message: "No '{match}'."
tokens: [utilize]
examples:
  fail:
    - {text: "We utilize it.", line: 1, column: 4, span: utilize}
    - {text: "First line.\\nThey utilize it.", line: 2, column: 6}
    - {text: "We utilize it.", column: 3}
    - {text: "We utilize it.\\nThey utilize it too.", line: 2, span: utilise}
  pass: ["We use it."]
"""


def test_test_rules_checks_pinned_positions_and_says_what_it_got(tmp_path, monkeypatch):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "pinned.yaml").write_text(PINNED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run_cli("test-rules", "house")
    assert status == 1, err
    assert out.splitlines() == [
        "FAIL house.pinned: fail example 3 (en) expected a finding at column 3, got column 4: "
        "'We utilize it.'",
        "FAIL house.pinned: fail example 4 (en) expected a finding at line 2, span 'utilise', "
        "got line 1, span 'utilize'; line 2, span 'utilize': 'We utilize it. They utilize it too.'",
        "0 of 1 rules passed their examples.",
    ]


@pytest.mark.parametrize("spec", [s for s in SPECS if s.pack == "editorial"], ids=lambda s: s.id)
def test_every_editorial_rule_pins_a_finding_in_each_of_its_languages(spec):
    langs = {e.lang for e in spec.fail_examples}
    assert langs == {e.lang for e in spec.fail_examples if e.pinned}
