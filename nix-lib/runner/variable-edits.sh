# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# What the phases of a segment did to each variable, as edits that can be replayed onto
# another value. nixpkgs' hooks extend attributes with prependToVar/appendToVar (the
# multiple-outputs hook prepends `pkgconfigdir=…` to installFlags in preConfigure); when a
# later segment carries that attribute itself (so that an edit of it rebuilds only that
# segment), the earlier edits are replayed onto its value instead of being lost.
#
# An edit script has one line per edit: `prependToVar ARG…` or `appendToVar ARG…` (words
# quoted for bash), `+= TEXT` (a string appended), or `! REASON` (a change that is none of
# these and cannot be replayed).

declare -gA __phasesplitEdits=() __phasesplitSegmentEdits=()
__phasesplitEditScript=""
__phasesplitReplayFailure=""

# __phasesplitTrackEdits: wraps the stdenv's prependToVar and appendToVar so that each call
# is recorded in __phasesplitSegmentEdits[NAME]; the originals stay available as
# __phasesplitStdenv_prependToVar/appendToVar. Safe to call more than once.
__phasesplitTrackEdits() {
  local __phasesplitFunction __phasesplitDefinition
  for __phasesplitFunction in prependToVar appendToVar; do
    __phasesplitDefinition=$(declare -f "$__phasesplitFunction") || continue
    [[ $__phasesplitDefinition == *__phasesplitLogEdit* ]] && continue
    eval "__phasesplitStdenv_$__phasesplitFunction ${__phasesplitDefinition#"$__phasesplitFunction" }"
    eval "$__phasesplitFunction() {
      __phasesplitLogEdit $__phasesplitFunction \"\$@\"
      __phasesplitStdenv_$__phasesplitFunction \"\$@\"
    }"
  done
}

# __phasesplitLogEdit FUNCTION NAME ARG…: records one prependToVar/appendToVar call.
__phasesplitLogEdit() {
  local __phasesplitLine
  printf -v __phasesplitLine '%q ' "$1" "${@:3}"
  __phasesplitSegmentEdits[$2]+="${__phasesplitLine% }"$'\n'
}

# __phasesplitReplay TARGET SCRIPT: applies an edit script to the variable TARGET; status 1
# (with __phasesplitReplayFailure saying why) when the script holds a change that cannot be
# replayed.
__phasesplitReplay() {
  local __phasesplitTarget=$1 __phasesplitLine
  local -a __phasesplitWords
  __phasesplitReplayFailure=""
  while IFS= read -r __phasesplitLine; do
    [ -n "$__phasesplitLine" ] || continue
    if [[ $__phasesplitLine == '!'* ]]; then
      __phasesplitReplayFailure=${__phasesplitLine#'! '}
      return 1
    fi
    eval "__phasesplitWords=($__phasesplitLine)"
    case ${__phasesplitWords[0]} in
      prependToVar | appendToVar)
        if ! declare -F "__phasesplitStdenv_${__phasesplitWords[0]}" >/dev/null; then
          __phasesplitReplayFailure="the stdenv has no ${__phasesplitWords[0]}"
          return 1
        fi
        "__phasesplitStdenv_${__phasesplitWords[0]}" "$__phasesplitTarget" "${__phasesplitWords[@]:1}"
        ;;
      +=) printf -v "$__phasesplitTarget" '%s%s' "${!__phasesplitTarget-}" "${__phasesplitWords[1]}" ;;
      *)
        __phasesplitReplayFailure="unknown edit: $__phasesplitLine"
        return 1
        ;;
    esac
  done <<<"$2"
}

# __phasesplitEditsOf NAME TEXT: sets __phasesplitEditScript to the edits that lead from
# NAME's value before the first segment that changed it to its value now (TEXT, as
# __phasesplitVariableText gives it): the restored script plus this segment's edits, verified
# by replaying them onto the value this segment started from.
__phasesplitEditsOf() {
  local __phasesplitName=$1 __phasesplitStart __phasesplitOperations __phasesplitReplayed=""
  local __phasesplitPrevious=${__phasesplitEdits[$1]-}
  __phasesplitStart=${__phasesplitStartVariables[$1]-}
  __phasesplitEditScript=$__phasesplitPrevious
  [ "$__phasesplitStart" = "$2" ] && return 0
  __phasesplitOperations=${__phasesplitSegmentEdits[$1]-}
  unset -v __phasesplitReplayedValue
  local __phasesplitStartValue="" __phasesplitStartCount=0
  if [ -n "$__phasesplitStart" ]; then
    __phasesplitStart=$(__phasesplitGlobalDeclaration "$__phasesplitStart") || __phasesplitStart=""
    eval "${__phasesplitStart/"$__phasesplitName="/__phasesplitReplayedValue=}"
    if [[ $(declare -p __phasesplitReplayedValue 2>/dev/null) == "declare -a"* ]]; then
      __phasesplitStartCount=${#__phasesplitReplayedValue[@]}
    elif [[ $(declare -p __phasesplitReplayedValue 2>/dev/null) != "declare -A"* ]]; then
      __phasesplitStartValue=${__phasesplitReplayedValue-}
    fi
  fi
  if __phasesplitReplay __phasesplitReplayedValue "$__phasesplitOperations"; then
    if __phasesplitVariableText __phasesplitReplayedValue; then
      __phasesplitReplayed=${__phasesplitText/__phasesplitReplayedValue=/"$__phasesplitName="}
    fi
    if [ "$__phasesplitReplayed" = "$2" ]; then
      __phasesplitEditScript+=$__phasesplitOperations
      unset -v __phasesplitReplayedValue
      return 0
    fi
    # `NAME+=TEXT` on a string that was not empty when the segment started (an assignment to
    # an unset or empty one cannot be told from an append)
    local __phasesplitFlags=${!__phasesplitName@a}
    if [[ $__phasesplitFlags != *[aA]* && -n "$__phasesplitStartValue" ]] &&
      [[ $(declare -p __phasesplitReplayedValue) != "declare -"[aA]* ]] &&
      [[ ${!__phasesplitName} == "$__phasesplitReplayedValue"* ]]; then
      printf -v __phasesplitReplayed '+= %q\n' "${!__phasesplitName#"$__phasesplitReplayedValue"}"
      __phasesplitEditScript+=$__phasesplitOperations$__phasesplitReplayed
      unset -v __phasesplitReplayedValue
      return 0
    fi
    # `NAME+=(ELEMENT…)` on an indexed array that was not empty when the segment started:
    # replayed as appendToVar, which appends elements to an array
    if [[ $__phasesplitFlags == *a* && $__phasesplitStartCount -gt 0 ]] &&
      [[ $(declare -p __phasesplitReplayedValue) == "declare -a"* ]] &&
      __phasesplitAppendedElements "$__phasesplitName"; then
      __phasesplitEditScript+=$__phasesplitOperations$__phasesplitReplayed
      unset -v __phasesplitReplayedValue
      return 0
    fi
  fi
  unset -v __phasesplitReplayedValue
  __phasesplitEditScript+="! changed in segment $__phasesplitSegment other than by prependToVar,"
  __phasesplitEditScript+=" appendToVar or +="$'\n'
}

# __phasesplitAppendedElements NAME: when the indexed array NAME is __phasesplitReplayedValue
# with elements appended, sets __phasesplitReplayed to the `appendToVar ELEMENT…` line that
# appends them; status 1 otherwise.
__phasesplitAppendedElements() {
  local -n __phasesplitCurrent=$1
  local __phasesplitCount=${#__phasesplitReplayedValue[@]} __phasesplitIndex
  local -a __phasesplitValues=("${__phasesplitCurrent[@]}")
  [ "${#__phasesplitValues[@]}" -gt "$__phasesplitCount" ] || return 1
  [ "${!__phasesplitCurrent[*]}" = "${!__phasesplitValues[*]}" ] || return 1
  for ((__phasesplitIndex = 0; __phasesplitIndex < __phasesplitCount; __phasesplitIndex++)); do
    [ "${__phasesplitValues[__phasesplitIndex]}" = "${__phasesplitReplayedValue[__phasesplitIndex]}" ] || return 1
  done
  printf -v __phasesplitReplayed '%q ' appendToVar "${__phasesplitValues[@]:__phasesplitCount}"
  __phasesplitReplayed="${__phasesplitReplayed% }"$'\n'
}
