"""The search index loses exactly the entries mkdocs-static-i18n would remove as duplicates, in linear time.

hooks/search_duplicates.py replaces the plugin's quadratic de-duplication (bench/REPORT.md, scaling); both are
run here on the same entries, and must leave the same index.
"""
import copy
import importlib.util
from types import SimpleNamespace

from conftest import ROOT
from mkdocs_static_i18n.plugin import I18n


def _hook():
    spec = importlib.util.spec_from_file_location("search_duplicates_hook", ROOT / "hooks" / "search_duplicates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entry(location: str, title: str, text: str) -> dict:
    return {"location": location, "title": title, "text": text}


ENTRIES = [
    entry("", "RVASE", "Accueil"),
    entry("members/#phnom-penh", "Phnom Penh", "Capitale"),
    entry("members/#asac", "ASAC", "Association"),
    entry("contribute/#template", "Template", "id: example"),
    entry("en/", "RVASE", "Home"),                              # translated: stays
    entry("en/members/#phnom-penh", "Phnom Penh", "Capital"),   # translated: stays
    entry("en/members/#asac", "ASAC", "Association"),           # same title, text and page: removed
    entry("en/contribute/#template", "Template", "id: example"),  # removed
    entry("en/news/#template", "Template", "id: example"),      # same words on another page: stays
    entry("en/members/#asac-2", "ASAC", "Association"),         # another anchor: stays
    entry("en/themes/", "RVASE", "Accueil"),                    # the home page's location "" ends every location: removed
]


def test_the_hook_removes_the_same_search_entries_as_mkdocs_static_i18n():
    theirs, ours = copy.deepcopy(ENTRIES), copy.deepcopy(ENTRIES)
    I18n.reconfigure_search_duplicates(SimpleNamespace(build_languages=["fr", "en"]), theirs)
    _hook().remove_search_duplicates(ours, ["fr", "en"])
    assert ours == theirs
    assert len(ours) == len(ENTRIES) - 3
