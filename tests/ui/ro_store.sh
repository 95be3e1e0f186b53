#!/bin/sh
# ro_store.sh STORE COMMAND... — runs COMMAND with STORE read-only (a bind
# mount remounted read-only); run it in a private mount namespace
# (unshare -m). Even root cannot write there: what a full or failing disk
# looks like to the kiosk.
store=$1
shift
mount --bind "$store" "$store" && mount -o remount,bind,ro "$store" && exec "$@"
