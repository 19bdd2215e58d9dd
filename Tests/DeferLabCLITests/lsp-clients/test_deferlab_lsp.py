"""deferlab lsp driven by pytest-lsp's client, with the capabilities that VS Code, Neovim and
Emacs announce (pytest-lsp ships them). pytest-lsp also checks every result against the
client's capabilities. DEFERLAB_BIN names the executable under test."""

import asyncio
import os
import pathlib
import shutil
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

DEFERLAB = os.environ["DEFERLAB_BIN"]
ENV = {k: v for k, v in os.environ.items() if k != "DEFERLAB_LANG"} | {"LANG": "C.UTF-8"}

# The Go file every language-client test edits (shared with the Swift tests).
SOURCE = (pathlib.Path(__file__).parent.parent.parent / "LabLSPTests" / "fixtures" / "sizes.go").read_text()

CLIENTS = ["visual-studio-code", "neovim@v0.7.0", "neovim", "emacs"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[DEFERLAB, "lsp"], server_env=ENV), params=CLIENTS)
async def client(lsp_client: LanguageClient, request):
    caps = client_capabilities(request.param)
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=caps, locale="en"))
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    yield
    await lsp_client.shutdown_session()
    assert lsp_client._server.returncode == 0, "exit after shutdown is status 0"


def module(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.22\n")
    (tmp_path / "a.go").write_text(SOURCE)
    (tmp_path / "b.go").write_text("package p\n\nfunc helper() int { return 1 }\n")
    return tmp_path / "a.go"


def units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode())
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def offset(text: str, pos: types.Position, encoding: str) -> int:
    """The index in `text` of an LSP position (lines end at \\n here)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    i = 0
    while i < len(line) and units(line[: i + 1], encoding) <= pos.character:
        i += 1
    return start + i


def apply(text: str, edits, encoding: str) -> str:
    spans = sorted(((offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text) for e in edits), reverse=True)
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


def edits_of(action: types.CodeAction, uri: str):
    edit = action.edit
    if edit.document_changes:
        (change,) = edit.document_changes
        assert change.text_document.uri == uri
        return change.edits
    return edit.changes[uri]


def fix_w(path: pathlib.Path) -> str:
    """What `deferlab fix -w` writes, on a copy of the folder."""
    copy = path.parent.parent / (path.parent.name + "-copy")
    shutil.copytree(path.parent, copy)
    subprocess.run([DEFERLAB, "fix", "-w", str(copy)], env=ENV, capture_output=True)
    return (copy / path.name).read_text()


async def open_and_wait(client: LanguageClient, path: pathlib.Path, text: str):
    uri = path.as_uri()
    waiting = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="go", version=1, text=text)))
    params = await asyncio.wait_for(waiting, 30)
    assert params.uri == uri
    return uri, params


async def test_diagnostics_quick_fixes_and_fix_all(client: LanguageClient, tmp_path):
    path = module(tmp_path)
    uri, params = await open_and_wait(client, path, SOURCE)
    found = params.diagnostics
    assert [d.code for d in found] == ["loop-defer", "loop-defer"]
    assert {d.source for d in found} == {"deferlab"}
    assert all(d.severity == types.DiagnosticSeverity.Warning for d in found)
    # The defer after a comment with a CJK character and an emoji: its column is counted in
    # the negotiated encoding.
    line = SOURCE.split("\n")[15]
    assert found[0].range.start.line == 15
    assert found[0].range.start.character == units(line[: line.index("defer")], client.encoding)
    assert found[0].message.endswith("(fix available)")
    assert "(unsafe fix, needs --unsafe-fixes:" in found[1].message

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=40, character=0)),
        context=types.CodeActionContext(diagnostics=list(found))))
    kinds = [a.kind for a in actions]
    assert kinds == ["quickfix", "quickfix", "source.fixAll.deferlab"]
    safe, unsafe, fix_all = actions
    assert safe.is_preferred and not unsafe.is_preferred
    assert "(unsafe: " in unsafe.title

    expected = fix_w(path)
    assert expected != SOURCE
    assert apply(SOURCE, edits_of(fix_all, uri), client.encoding) == expected
    assert apply(SOURCE, edits_of(safe, uri), client.encoding) == expected


async def test_typing_publishes_the_newest_version(client: LanguageClient, tmp_path):
    path = module(tmp_path)
    uri, _ = await open_and_wait(client, path, "package p\n")
    body = SOURCE[len("package p\n"):]
    versions = []
    end = types.Position(line=10_000, character=0)
    for k, ch in enumerate(body, start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=k),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=end, end=end), text=ch)]))
    last = len(body) + 1
    while True:
        params = await asyncio.wait_for(client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        versions.append(params.version)
        if params.version == last:
            break
    # Typed a character at a time: every publication is of a version that was current when
    # it was made, and the last one is of the final text.
    assert versions == sorted(versions)
    assert [d.code for d in params.diagnostics] == ["loop-defer", "loop-defer"]


async def test_hover_explains_the_rule(client: LanguageClient, tmp_path):
    path = module(tmp_path)
    uri, params = await open_and_wait(client, path, SOURCE)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=params.diagnostics[0].range.start))
    assert hover is not None
    value = hover.contents.value
    assert "loop-defer" in value and "//deferlab:ignore loop-defer" in value
    assert hover.range == params.diagnostics[0].range


async def test_syntax_error_then_recovery(client: LanguageClient, tmp_path):
    path = module(tmp_path)
    uri, _ = await open_and_wait(client, path, SOURCE)
    waiting = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=SOURCE.replace("total += st.Size()", "total += st.Size("))]))
    params = await asyncio.wait_for(waiting, 30)
    assert params.version == 2
    assert params.diagnostics and all(d.code == "syntax-error" and d.severity == types.DiagnosticSeverity.Error for d in params.diagnostics)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=40, character=0)),
        context=types.CodeActionContext(diagnostics=[])))
    assert not actions
