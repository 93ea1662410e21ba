# Sourced by the test scripts that need a Debian package: `need COMMAND
# PACKAGE LABEL` installs PACKAGE when COMMAND is missing (as root, with
# apt-get), prints "LABEL: SKIPPED" and exits 0 only when Debian's archive
# cannot be reached, and fails otherwise.
need() {
  local command=$1 package=$2 label=$3
  command -v "$command" > /dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    if { apt-get update -qq && apt-get install -y -qq "$package" > /dev/null; }; then
      return 0
    fi
    if ! apt-get download --print-uris "$package" > /dev/null 2>&1; then
      echo "$label: SKIPPED, Debian's package archive cannot be reached to install $package"
      exit 0
    fi
    echo "$label: FAILED: could not install $package" >&2
    exit 1
  fi
  echo "$label: FAILED: the test needs $package (Debian: apt-get install $package)" >&2
  exit 1
}
