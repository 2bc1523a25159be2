"""An answers file open in the editor: the data as the file holds it, saved after every
change the way ``draftkit new`` saves (report/datafile.dump_keeping keeps a person's
comments, atomic.write_text leaves no half-written file, drafting/answersfile refuses to
overwrite a file another program changed meanwhile), and the file's earlier texts for undo."""

from __future__ import annotations

from pathlib import Path

from draftkit.errors import DraftkitError

UNDO_DEPTH = 50  # changes that can be undone, one at a time


class OpenDoc:
    """One answers file: ``data`` (plain data, datafile.read_data's shape), ``text`` (the
    file as last read or written), ``undo`` (its texts before each change)."""

    def __init__(self, path: Path):
        self.path = path
        self.undo: list[tuple[str, str]] = []  # (text before, what the change was)
        self.reload()

    def reload(self) -> None:
        from draftkit.drafting.answersfile import HEADER, fingerprint
        from draftkit.inputs import check_regular
        from draftkit.report.datafile import dump, read_data
        from draftkit.report.loader import read_text

        check_regular(self.path)
        self.on_disk = fingerprint(self.path)  # first: a change after it is seen by stale()
        self.text = read_text(self.path)
        self.data = read_data(self.path, "答案文件", self.text)  # the text read, not the file again
        self.plain = dump(self.data, HEADER)  # the dump of the data ``text`` holds: a save changes its lines in place

    @property
    def name(self) -> str:
        return self.path.name

    def stale(self) -> bool:
        """The file changed on disk since this page read or wrote it (another program, an editor)."""
        from draftkit.drafting.answersfile import fingerprint

        return fingerprint(self.path) != self.on_disk

    def save(self, what: str) -> None:
        """``data`` written after a change (``what``: how undo names it)."""
        from draftkit.drafting.answersfile import HEADER
        from draftkit.report.datafile import dump, dump_keeping

        plain = dump(self.data, HEADER)
        new = dump_keeping(self.text, self.data, HEADER, before=self.plain, plain=plain)
        if new == self.text:  # nothing changed (a field left as it was): no save, no undo step
            return
        self._write(new)
        self.undo = (self.undo + [(self.text, what)])[-UNDO_DEPTH:]
        self.text, self.plain = new, plain

    def undo_last(self) -> str:
        """The file as it was before the last change; what that change was."""
        if not self.undo:
            raise DraftkitError("没有可以撤销的修改")
        from draftkit.drafting.answersfile import HEADER
        from draftkit.report.datafile import dump, read_data

        old, what = self.undo[-1]
        self._write(old)
        self.undo.pop()
        self.text, self.data = old, read_data(self.path, "答案文件", old)  # what was just written, not read back
        self.plain = dump(self.data, HEADER)
        return what

    def _write(self, text: str) -> None:
        from draftkit import atomic
        import hashlib

        from draftkit.drafting.answersfile import check_unchanged
        from draftkit.outputs import target

        target(self.path, "答案文件")
        check_unchanged(self.path, self.on_disk, text)  # changed by another program: ours goes beside it
        atomic.write_text(self.path, text)
        self.on_disk = hashlib.sha1(text.encode("utf-8")).hexdigest()  # answersfile.fingerprint of what was written


def open_doc(served, name: str) -> OpenDoc:
    """The answers file ``name`` of the served folder, read again when it changed on disk."""
    from draftkit.serve.files import inside

    path = inside(served.folder, name, what="答案文件")
    if not path.is_file():
        raise DraftkitError(f"{name}: 文件夹中没有这个答案文件")
    doc = served.documents.get(path.name)
    if doc is None:
        doc = served.documents[path.name] = OpenDoc(path)
    elif doc.stale():
        doc.reload()
        doc.undo.clear()
    return doc
