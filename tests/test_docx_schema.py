"""Every XML part of a rendered .docx against the ISO/IEC 29500 transitional schemas.

The validator is oxml (PyPI, Apache-2.0): it ships the transitional schemas of ECMA-376
Part 4, 5th edition (ISO/IEC 29500-4:2016) for WordprocessingML and all it imports, with
Microsoft's published MS-DOCX extension schemas, and validates a part against them with
libxml2; beside them it checks the Open XML SDK's typed model, the only schema it has
for docProps/app.xml, and it refuses a package whose content types or relationships are
malformed. No package on PyPI ships the OPC schemas of Part 2 (content types,
relationships, core properties): those parts are read back and checked here for what we
write, which is no schema validation.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile

import pytest
from conftest import EXAMPLES, MINIMAL, render_bytes, write

if sys.platform == "win32":
    pytest.skip("oxml has no wheel for Windows", allow_module_level=True)
from oxml import Document  # noqa: E402  (the test extra; see pyproject.toml)

# The parts a WordprocessingML schema covers, and what each must be checked against.
WML_PARTS = ["/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/word/fontTable.xml",
             "/word/footer1.xml", "/word/footer2.xml"]
PARTS = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
         "word/_rels/document.xml.rels", *(p[1:] for p in WML_PARTS)}


def schema_errors(data: bytes) -> dict[str, list[str]]:
    """Part → its errors: each XML part on its own (schema and typed model), then the
    package as a whole (relationships between parts, styles a paragraph names…)."""
    doc = Document.from_bytes(data)  # raises on malformed content types or relationships
    errors: dict[str, list[str]] = {}
    for uri in doc.package.part_names():
        if uri == "/[Content_Types].xml" or uri.endswith(".rels"):
            continue  # package metadata: read above, no part of its own
        if not doc.package.content_type(uri).endswith("xml"):
            errors[uri] = [f"not an XML part: {doc.package.content_type(uri)}"]
            continue
        report = doc.package.part(uri).xml.validate(part_uri=uri)
        errors[uri] = [i["actual"] if isinstance(i["actual"], str) else i["rule_id"] for i in report["issues"]]
    for issue in doc.validate()["issues"]:
        found = errors.setdefault(issue["part_uri"], [])
        if str(issue["actual"]) not in found:  # a part's own error is reported again here
            found.append(str(issue["actual"]))
    return errors


def coverage(data: bytes, uri: str) -> dict:
    return Document.from_bytes(data).package.part(uri).xml.validate(part_uri=uri)["coverage"]


RENDERS = {
    "county": lambda tmp: render_bytes(EXAMPLES / "county.yaml"),
    "department": lambda tmp: render_bytes(EXAMPLES / "department.yaml"),
    "bold-headings-unsealed": lambda tmp: render_bytes(write(
        tmp, MINIMAL + "layout: {bold_headings: true, sealed: false}\n")),
}


@pytest.fixture(scope="module", params=sorted(RENDERS))
def rendered(request, tmp_path_factory) -> bytes:
    return RENDERS[request.param](tmp_path_factory.mktemp(request.param))


def test_every_part_validates_with_no_error(rendered):
    errors = schema_errors(rendered)
    assert {u: e for u, e in errors.items() if e} == {}
    assert set(errors) == {"/" + p for p in PARTS if not p.endswith((".rels", "Types].xml"))}


def test_each_wordprocessing_part_was_checked_against_the_schemas(rendered):
    """The validator did look: each WordprocessingML part met an XSD root and the typed
    model; app.xml the typed model (its elements are the SDK's extended properties)."""
    for uri in WML_PARTS:
        cov = coverage(rendered, uri)
        assert cov["xsd_roots_checked"] >= 1 and cov["schema_nodes_checked"] > 0, uri
    assert coverage(rendered, "/docProps/app.xml")["schema_nodes_checked"] >= 2


def test_the_package_holds_our_parts_only(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as z:
        names = z.namelist()
        blobs = {n: z.read(n) for n in names}
    assert set(names) == PARTS  # no thumbnail, theme, numbering, web settings or custom XML
    for name, blob in blobs.items():
        for leftover in (b"Macintosh", b"/office/mac/", b"python-docx", b"Normal.dotm", b"w:rsid"):
            assert leftover not in blob, (name, leftover)


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_app_and_core_properties_name_draftkit_and_the_issuer():
    data = render_bytes(EXAMPLES / "county.yaml")
    app = _part(data, "docProps/app.xml")
    assert "<Application>draftkit</Application>" in app
    assert "<Company>青岚县人民政府</Company>" in app
    core = _part(data, "docProps/core.xml")
    # Part 2's core properties, as we write them (not checked against a schema: none is shipped)
    elements = re.findall(r"<((?:cp|dc|dcterms):\w+)", core)
    assert elements[0] == "cp:coreProperties"
    assert set(elements[1:]) <= {"dc:title", "dc:creator", "cp:lastModifiedBy", "cp:keywords",
                                 "cp:revision", "dcterms:created", "dcterms:modified", "dc:language"}
    assert "<dc:title>青岚县人民政府关于2025年度法治政府建设情况的报告</dc:title>" in core
    assert "<dc:creator>青岚县人民政府</dc:creator>" in core
    stamps = re.findall(r'<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">([^<]+)<', core)
    assert [k for k, _ in stamps] == ["created", "modified"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", v) for _, v in stamps)


def test_the_validator_finds_what_python_docx_template_left():
    """Today's error, put back: the default template's w:zoom without w:percent."""
    data = render_bytes(EXAMPLES / "county.yaml")
    assert schema_errors(_replace(data, "word/settings.xml", '<w:zoom w:percent="100"/>', '<w:zoom w:val="bestFit"/>')) \
        == {**{u: [] for u in schema_errors(data)},
            "/word/settings.xml": ["Element '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}zoom': "
                                   "The attribute '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                                   "percent' is required but missing."]}


@pytest.mark.parametrize("name, old, new, part", [
    # properties in the wrong order (w:jc before w:ind): a sequence error
    ("word/styles.xml", '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>',
     '<w:jc w:val="both"/><w:ind w:firstLineChars="200" w:firstLine="640"/>', "/word/styles.xml"),
    ("word/fontTable.xml", '<w:charset w:val="86"/>', '<w:charset w:val="GB2312"/>', "/word/fontTable.xml"),
    ("word/document.xml", 'w:gutter="0"/>', 'w:gutter="0"/><w:bogus/>', "/word/document.xml"),
    ("word/footer1.xml", 'w:fldCharType="begin"', 'w:fldCharType="start"', "/word/footer1.xml"),
    ("docProps/app.xml", "<DocSecurity>0</DocSecurity>", "<DocSecurity>none</DocSecurity>", "/docProps/app.xml"),
])
def test_the_validator_finds_a_broken_part(name, old, new, part):
    errors = schema_errors(_replace(render_bytes(EXAMPLES / "county.yaml"), name, old, new))
    assert errors[part] and not any(e for u, e in errors.items() if u != part), errors


def test_a_malformed_relationship_part_is_refused():
    data = render_bytes(EXAMPLES / "county.yaml")
    with pytest.raises(Exception, match="Id"):
        Document.from_bytes(_replace(data, "word/_rels/document.xml.rels", ' Id="rId1"', ""))


def _replace(data: bytes, name: str, old: str, new: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == name:
                text = blob.decode("utf-8")
                assert old in text, (name, old)
                blob = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(info, blob)
    return buf.getvalue()
