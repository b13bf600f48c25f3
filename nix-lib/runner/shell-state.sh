# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# Carries the shell state of a segment's phases to the next segment: a snapshot after the
# stdenv setup, then `state.sh`, the bash that recreates what the phases changed since.

# True for variables that are never saved: bash's own, the runner's, the outputs, the phase list.
__phasesplitIsTransientVariable() {
  case $1 in
    BASH | BASH_* | BASHOPTS | BASHPID | COLUMNS | COMP_* | DIRSTACK | EPOCHREALTIME | EPOCHSECONDS | EUID) return 0 ;;
    FUNCNAME | GROUPS | HISTCMD | HOSTNAME | HOSTTYPE | LINENO | LINES | MACHTYPE | OLDPWD | OPTARG) return 0 ;;
    OPTERR | OPTIND | OSTYPE | PIPESTATUS | PPID | PWD | RANDOM | SECONDS | SHELLOPTS | SHLVL | SRANDOM) return 0 ;;
    UID | _ | __phasesplit* | phasesplit* | outputs | phases | curPhase) return 0 ;;
  esac
  local __phasesplitOutput
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    [ "$1" = "$__phasesplitOutput" ] && return 0
  done
  return 1
}

# True for a stdenv scratch global whose value depends on time or randomness and which no
# later phase reads: configurePhase's CONFIGURE_MTIME_REFERENCE (a mktemp name of a file it
# removed), and the `timestamp` (a file's mtime) and `tmpFile` (a mktemp name) that nixpkgs'
# patchShebangs leaves. Saving them would make state.sh differ between two builds of the
# same segment.
__phasesplitIsScratchValue() {
  local __phasesplitValue
  [[ ${!1@a} == *[aA]* ]] && return 1
  __phasesplitValue=${!1-}
  case $1 in
    CONFIGURE_MTIME_REFERENCE) [[ $__phasesplitValue == configure.mtime.reference.?????? ]] ;;
    timestamp) [[ $__phasesplitValue =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9:.]+\ [-+][0-9]{4}$ ]] ;;
    tmpFile) [[ $__phasesplitValue == */patchShebangs.?????????? ]] ;;
    *) return 1 ;;
  esac
}

# __phasesplitVariableText NAME: sets __phasesplitText to NAME's definition as bash's `@A`
# transformation writes it (`x='1'`, `declare -x y='2'`, `declare -a z=([0]="a")`) without
# starting a subshell; status 1 when NAME has no value.
__phasesplitVariableText() {
  # `local -` keeps the option change inside the function: under `set -u` the transformations
  # of a declared variable without a value would be errors.
  local - __phasesplitFlags __phasesplitElements="$1[@]"
  set +u
  __phasesplitFlags=${!1@a}
  if [[ $__phasesplitFlags == *[aA]* ]]; then
    __phasesplitText=${!__phasesplitElements@A}
  else
    __phasesplitText=${!1@A}
  fi
  [ -n "$__phasesplitText" ]
}

# __phasesplitGlobalDeclaration TEXT: TEXT (from __phasesplitVariableText) as a global
# declaration (`declare -g…`), or nothing (status 1) for readonly variables.
__phasesplitGlobalDeclaration() {
  local __phasesplitFlags
  if [[ $1 != "declare -"* ]]; then
    printf 'declare -g %s\n' "$1"
    return
  fi
  __phasesplitFlags=${1#declare -}
  __phasesplitFlags=${__phasesplitFlags%% *}
  [[ $__phasesplitFlags == *r* ]] && return 1
  printf 'declare -g%s %s\n' "$__phasesplitFlags" "${1#declare -"$__phasesplitFlags" }"
}

# __phasesplitFunctionTexts ARRAY DUMP: fills the associative ARRAY with each function's
# definition in DUMP (`declare -f` output, where each definition starts with a line `NAME () `).
__phasesplitFunctionTexts() {
  local -n __phasesplitInto=$1
  local __phasesplitLine __phasesplitFunction=
  while IFS= read -r __phasesplitLine; do
    if [[ $__phasesplitLine =~ ^([^[:space:]]+)\ \(\)\ $ ]]; then
      __phasesplitFunction=${BASH_REMATCH[1]}
      # shellcheck disable=SC2004 # an associative array (nameref), the subscript is a string
      __phasesplitInto[$__phasesplitFunction]=$__phasesplitLine
    elif [ -n "$__phasesplitFunction" ]; then
      # shellcheck disable=SC2004 # an associative array (nameref), the subscript is a string
      __phasesplitInto[$__phasesplitFunction]+=$'\n'$__phasesplitLine
    fi
  done <<<"$2"
}

# __phasesplitSnapshot: records every variable's definition and all functions after setup
# (without a subshell per variable: a segment has hundreds).
__phasesplitSnapshot() {
  declare -gA __phasesplitSnapshotVariables=()
  __phasesplitRecordVariables __phasesplitSnapshotVariables
  declare -g __phasesplitSnapshotFunctions
  __phasesplitSnapshotFunctions=$(declare -f)
}

# __phasesplitSnapshotStart: records every variable's definition once the previous segment's
# state is restored, the values this segment's phases start from.
__phasesplitSnapshotStart() {
  declare -gA __phasesplitStartVariables=()
  __phasesplitRecordVariables __phasesplitStartVariables
  __phasesplitSegmentEdits=()
}

# __phasesplitRecordVariables ARRAY: fills the associative ARRAY with the definition of every
# variable that may be saved.
__phasesplitRecordVariables() {
  local -n __phasesplitRecord=$1
  local __phasesplitName __phasesplitText
  for __phasesplitName in $(compgen -v); do
    __phasesplitIsTransientVariable "$__phasesplitName" && continue
    __phasesplitVariableText "$__phasesplitName" || continue
    # shellcheck disable=SC2004 # an associative array (nameref), the subscript is a string
    __phasesplitRecord[$__phasesplitName]=$__phasesplitText
  done
}

# __phasesplitWriteState FILE: writes the bash that recreates the variables, functions,
# shell options and working directory that differ from the snapshot.
__phasesplitWriteState() {
  local __phasesplitName __phasesplitCurrent __phasesplitText
  local -A __phasesplitBefore=() __phasesplitAfter=()
  {
    echo "# phasesplit: shell state after segment $__phasesplitSegment of $__phasesplitPackage"
    echo "# A variable NAME is restored only when __phasesplitRestores NAME succeeds; otherwise"
    echo "# __phasesplitPreviousEdits[NAME] (what the phases so far did to it) is replayed onto it."
    echo 'declare -F __phasesplitRestores >/dev/null || __phasesplitRestores() { return 0; }'
    echo 'declare -gA __phasesplitPreviousEdits=()'
    for __phasesplitName in $(compgen -v); do
      __phasesplitIsTransientVariable "$__phasesplitName" && continue
      __phasesplitVariableText "$__phasesplitName" || continue
      [ "${__phasesplitSnapshotVariables[$__phasesplitName]-}" = "$__phasesplitText" ] && continue
      __phasesplitIsScratchValue "$__phasesplitName" "$__phasesplitText" && continue
      if __phasesplitCurrent=$(__phasesplitGlobalDeclaration "$__phasesplitText"); then
        printf '__phasesplitRestores %s && %s\n' "$__phasesplitName" "$__phasesplitCurrent"
        __phasesplitEditsOf "$__phasesplitName" "$__phasesplitText"
        printf '__phasesplitPreviousEdits[%s]=%q\n' "$__phasesplitName" "$__phasesplitEditScript"
      fi
    done
    for __phasesplitName in "${!__phasesplitSnapshotVariables[@]}"; do
      if ! __phasesplitVariableText "$__phasesplitName"; then
        printf '__phasesplitRestores %s && unset -v %s\n' "$__phasesplitName" "$__phasesplitName"
        printf '__phasesplitPreviousEdits[%s]=%q\n' "$__phasesplitName" \
          "! removed (unset) in segment $__phasesplitSegment"
      fi
    done
    __phasesplitCurrent=$(declare -f)
    if [ "$__phasesplitCurrent" != "$__phasesplitSnapshotFunctions" ]; then
      __phasesplitFunctionTexts __phasesplitBefore "$__phasesplitSnapshotFunctions"
      __phasesplitFunctionTexts __phasesplitAfter "$__phasesplitCurrent"
      for __phasesplitName in "${!__phasesplitAfter[@]}"; do
        [[ $__phasesplitName == __phasesplit* || $__phasesplitName == phasesplit* ]] && continue
        [ "${__phasesplitBefore[$__phasesplitName]-}" = "${__phasesplitAfter[$__phasesplitName]}" ] && continue
        printf '%s\n' "${__phasesplitAfter[$__phasesplitName]}"
        if [[ "$(declare -F -p "$__phasesplitName")" == "declare -fx"* ]]; then
          printf 'export -f %s\n' "$__phasesplitName"
        fi
      done
    fi
    __phasesplitShellOptions
    printf 'declare -g __phasesplitCwd=%q\n' "$PWD"
  } >"$1"
}

# The commands that restore the shell options, leaving out the ones the runner controls
# (errexit, errtrace) and the ones only an interactive shell or bash itself may set.
__phasesplitShellOptions() {
  local __phasesplitLine
  while IFS= read -r __phasesplitLine; do
    case $__phasesplitLine in
      *" login_shell" | *" restricted_shell" | *" progcomp_alias") ;;
      *) printf '%s\n' "$__phasesplitLine" ;;
    esac
  done < <(shopt -p)
  while IFS= read -r __phasesplitLine; do
    case $__phasesplitLine in
      *" errexit" | *" errtrace" | *" emacs" | *" vi" | *" history" | *" monitor" | *" interactive-comments") ;;
      *) printf '%s\n' "$__phasesplitLine" ;;
    esac
  done < <(set +o)
}

# __phasesplitRestores NAME: whether state.sh may restore NAME. A variable that is an
# attribute of this segment but was none of the previous one keeps this segment's value:
# that is how an edited late attribute (postInstall) wins over the saved state. Such a
# variable is noted in __phasesplitRefused, so that what earlier phases did to it (a hook's
# prependToVar installFlags …) is replayed onto this segment's value.
__phasesplitRestores() {
  local __phasesplitAttribute __phasesplitPreviousAttribute
  for __phasesplitAttribute in "${__phasesplitAttributes[@]}"; do
    if [ "$__phasesplitAttribute" = "$1" ]; then
      for __phasesplitPreviousAttribute in "${__phasesplitPreviousAttributes[@]}"; do
        [ "$__phasesplitPreviousAttribute" = "$1" ] && return 0
      done
      __phasesplitRefused+=("$1")
      return 1
    fi
  done
  return 0
}

# __phasesplitRestoreState FILE: runs a previous segment's state.sh, replays the recorded
# edits onto the variables this segment's own attributes replace, and enters the directory.
__phasesplitRestoreState() {
  __phasesplitRefused=()
  declare -gA __phasesplitPreviousEdits=()
  # shellcheck disable=SC1090 # written by the previous segment
  source "$1"
  local __phasesplitName
  for __phasesplitName in "${__phasesplitRefused[@]}"; do
    [ -n "${__phasesplitPreviousEdits[$__phasesplitName]+set}" ] || continue
    if ! __phasesplitReplay "$__phasesplitName" "${__phasesplitPreviousEdits[$__phasesplitName]}"; then
      echo "phasesplit: $__phasesplitName is an attribute of segment $__phasesplitSegment, and an" \
        "earlier segment changed it in a way that cannot be replayed onto its value here" \
        "(${__phasesplitReplayFailure}): this segment would not see what the unsplit build sees." \
        "Choose boundaries that keep that change and this segment together, or build the package" \
        "unsplit" >&2
      return 1
    fi
  done
  # The edits so far stay recorded: this segment's state adds its own.
  declare -gA __phasesplitEdits=()
  for __phasesplitName in "${!__phasesplitPreviousEdits[@]}"; do
    __phasesplitEdits[$__phasesplitName]=${__phasesplitPreviousEdits[$__phasesplitName]}
  done
  cd "${__phasesplitCwd:?phasesplit: $1 does not record the working directory}" || return
}
