# Sourced by the test scripts that need a tool from PyPI: `need_pypi VENV
# COMMAND SPEC LABEL` makes the virtual environment VENV and installs SPEC
# into it unless VENV/bin/COMMAND is there already; prints "LABEL: SKIPPED"
# and exits 0 only when PyPI cannot be reached, and fails otherwise.
need_pypi() {
  local venv=$1 command=$2 spec=$3 label=$4
  [ -x "$venv/bin/$command" ] && return 0
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$spec" && return 0
  if ! python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/$command/', timeout=15)" 2>/dev/null; then
    echo "$label: SKIPPED, PyPI cannot be reached to install $command"
    exit 0
  fi
  echo "$label: FAILED to install $command although PyPI is reachable" >&2
  exit 1
}
