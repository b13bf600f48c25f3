# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# How a segment enters the stdenv's genericBuild. With the default builder the runner builds
# the segment itself; a custom builder script (nixpkgs' `builder`, sourced after the setup by
# source-stdenv.sh) calls genericBuild, which then builds the segment.

__phasesplitGenericBuildCalled=

# __phasesplitInstallGenericBuild: keeps the stdenv's genericBuild as
# __phasesplitStdenvGenericBuild and makes genericBuild build this segment. Safe to call
# again after a builder has sourced $stdenv/setup once more (it is a postHook for that).
__phasesplitInstallGenericBuild() {
  local __phasesplitDefinition
  if ! __phasesplitDefinition=$(declare -f genericBuild); then
    echo "phasesplit: the stdenv setup defines no genericBuild function" >&2
    return 1
  fi
  if [[ $__phasesplitDefinition != *__phasesplitSegmentGenericBuild* ]]; then
    eval "__phasesplitStdenvGenericBuild ${__phasesplitDefinition#genericBuild }"
  fi
  # shellcheck disable=SC2317 # called by the builder script
  genericBuild() { __phasesplitSegmentGenericBuild "$@"; }
}

# The builder's genericBuild: builds this segment once; an earlier segment ends after it.
__phasesplitSegmentGenericBuild() {
  if [ -n "$__phasesplitGenericBuildCalled" ]; then
    echo "phasesplit: the builder calls genericBuild more than once; build the package unsplit" >&2
    return 1
  fi
  __phasesplitGenericBuildCalled=1
  __phasesplitBuildSegment
  if [ -z "$__phasesplitFinal" ]; then
    __phasesplitStep=finished
    exit 0
  fi
}
