#!/usr/bin/env bash
# Installs Debian's Chromium for the admin page's browser test when it is missing. Playwright's
# own browser download does not work on these machines; playwright-core drives the system one.
# Run by the Maven build (with the Node clients) and by .ci/run.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo > /dev/null; then
    echo "chromium is missing and this user cannot install it: apt-get install chromium" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "chromium: installing Debian's package for the browser test"
$sudo apt-get update -q > /dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium > /dev/null
/usr/bin/chromium --version 2>/dev/null | head -1
