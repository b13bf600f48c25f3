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

# __phasesplitDeclaration NAME: `declare -p NAME` turned into a global declaration
# (`declare -g…`), or nothing (status 1) for readonly variables.
__phasesplitDeclaration() {
  local __phasesplitText __phasesplitFlags
  __phasesplitText=$(declare -p "$1" 2>/dev/null) || return 1
  __phasesplitFlags=${__phasesplitText#declare }
  __phasesplitFlags=${__phasesplitFlags%% *}
  [[ $__phasesplitFlags == *r* ]] && return 1
  if [ "$__phasesplitFlags" = "--" ]; then
    printf 'declare -g %s\n' "${__phasesplitText#declare -- }"
  else
    printf 'declare -g%s %s\n' "${__phasesplitFlags#-}" "${__phasesplitText#declare "$__phasesplitFlags" }"
  fi
}

# __phasesplitSnapshot: records every variable's and function's definition after setup.
__phasesplitSnapshot() {
  declare -gA __phasesplitSnapshotVariables=() __phasesplitSnapshotFunctions=()
  local __phasesplitName
  for __phasesplitName in $(compgen -v); do
    __phasesplitIsTransientVariable "$__phasesplitName" && continue
    __phasesplitSnapshotVariables[$__phasesplitName]=$(declare -p "$__phasesplitName" 2>/dev/null) || true
  done
  for __phasesplitName in $(compgen -A function); do
    __phasesplitSnapshotFunctions[$__phasesplitName]=$(declare -f "$__phasesplitName")
  done
}

# __phasesplitWriteState FILE: writes the bash that recreates the variables, functions,
# shell options and working directory that differ from the snapshot.
__phasesplitWriteState() {
  local __phasesplitName __phasesplitCurrent
  {
    echo "# phasesplit: shell state after segment $__phasesplitSegment of $__phasesplitPackage"
    echo "# A variable NAME is restored only when __phasesplitRestores NAME succeeds."
    echo 'declare -F __phasesplitRestores >/dev/null || __phasesplitRestores() { return 0; }'
    for __phasesplitName in $(compgen -v); do
      __phasesplitIsTransientVariable "$__phasesplitName" && continue
      __phasesplitCurrent=$(declare -p "$__phasesplitName" 2>/dev/null) || continue
      [ "${__phasesplitSnapshotVariables[$__phasesplitName]-}" = "$__phasesplitCurrent" ] && continue
      if __phasesplitCurrent=$(__phasesplitDeclaration "$__phasesplitName"); then
        printf '__phasesplitRestores %s && %s\n' "$__phasesplitName" "$__phasesplitCurrent"
      fi
    done
    for __phasesplitName in "${!__phasesplitSnapshotVariables[@]}"; do
      if ! declare -p "$__phasesplitName" >/dev/null 2>&1; then
        printf '__phasesplitRestores %s && unset -v %s\n' "$__phasesplitName" "$__phasesplitName"
      fi
    done
    for __phasesplitName in $(compgen -A function); do
      [[ $__phasesplitName == __phasesplit* || $__phasesplitName == phasesplit* ]] && continue
      __phasesplitCurrent=$(declare -f "$__phasesplitName")
      [ "${__phasesplitSnapshotFunctions[$__phasesplitName]-}" = "$__phasesplitCurrent" ] && continue
      printf '%s\n' "$__phasesplitCurrent"
      if [[ "$(declare -F -p "$__phasesplitName")" == "declare -fx"* ]]; then
        printf 'export -f %s\n' "$__phasesplitName"
      fi
    done
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
