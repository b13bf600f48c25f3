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
  local __phasesplitName __phasesplitText
  for __phasesplitName in $(compgen -v); do
    __phasesplitIsTransientVariable "$__phasesplitName" && continue
    __phasesplitVariableText "$__phasesplitName" || continue
    __phasesplitSnapshotVariables[$__phasesplitName]=$__phasesplitText
  done
  declare -g __phasesplitSnapshotFunctions
  __phasesplitSnapshotFunctions=$(declare -f)
}

# __phasesplitWriteState FILE: writes the bash that recreates the variables, functions,
# shell options and working directory that differ from the snapshot.
__phasesplitWriteState() {
  local __phasesplitName __phasesplitCurrent __phasesplitText
  local -A __phasesplitBefore=() __phasesplitAfter=()
  {
    echo "# phasesplit: shell state after segment $__phasesplitSegment of $__phasesplitPackage"
    echo "# A variable NAME is restored only when __phasesplitRestores NAME succeeds."
    echo 'declare -F __phasesplitRestores >/dev/null || __phasesplitRestores() { return 0; }'
    for __phasesplitName in $(compgen -v); do
      __phasesplitIsTransientVariable "$__phasesplitName" && continue
      __phasesplitVariableText "$__phasesplitName" || continue
      [ "${__phasesplitSnapshotVariables[$__phasesplitName]-}" = "$__phasesplitText" ] && continue
      if __phasesplitCurrent=$(__phasesplitGlobalDeclaration "$__phasesplitText"); then
        printf '__phasesplitRestores %s && %s\n' "$__phasesplitName" "$__phasesplitCurrent"
      fi
    done
    for __phasesplitName in "${!__phasesplitSnapshotVariables[@]}"; do
      if ! __phasesplitVariableText "$__phasesplitName"; then
        printf '__phasesplitRestores %s && unset -v %s\n' "$__phasesplitName" "$__phasesplitName"
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
# that is how an edited late attribute (postInstall) wins over the saved state.
__phasesplitRestores() {
  local __phasesplitAttribute __phasesplitPreviousAttribute
  for __phasesplitAttribute in "${__phasesplitAttributes[@]}"; do
    if [ "$__phasesplitAttribute" = "$1" ]; then
      for __phasesplitPreviousAttribute in "${__phasesplitPreviousAttributes[@]}"; do
        [ "$__phasesplitPreviousAttribute" = "$1" ] && return 0
      done
      return 1
    fi
  done
  return 0
}

# __phasesplitRestoreState FILE: runs a previous segment's state.sh and enters its directory.
__phasesplitRestoreState() {
  # shellcheck disable=SC1090 # written by the previous segment
  source "$1"
  cd "${__phasesplitCwd:?phasesplit: $1 does not record the working directory}" || return
}
