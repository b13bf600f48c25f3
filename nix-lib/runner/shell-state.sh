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
  local output
  for output in "${__phasesplitOutputs[@]}"; do
    [ "$1" = "$output" ] && return 0
  done
  return 1
}

# __phasesplitDeclaration NAME: `declare -p NAME` turned into a global declaration
# (`declare -g…`), or nothing (status 1) for readonly variables.
__phasesplitDeclaration() {
  local text flags
  text=$(declare -p "$1" 2>/dev/null) || return 1
  flags=${text#declare }
  flags=${flags%% *}
  [[ $flags == *r* ]] && return 1
  if [ "$flags" = "--" ]; then
    printf 'declare -g %s\n' "${text#declare -- }"
  else
    printf 'declare -g%s %s\n' "${flags#-}" "${text#declare "$flags" }"
  fi
}

# __phasesplitSnapshot: records every variable's and function's definition after setup.
__phasesplitSnapshot() {
  declare -gA __phasesplitSnapshotVariables=() __phasesplitSnapshotFunctions=()
  local name
  for name in $(compgen -v); do
    __phasesplitIsTransientVariable "$name" && continue
    __phasesplitSnapshotVariables[$name]=$(declare -p "$name" 2>/dev/null) || true
  done
  for name in $(compgen -A function); do
    __phasesplitSnapshotFunctions[$name]=$(declare -f "$name")
  done
}

# __phasesplitWriteState FILE: writes the bash that recreates the variables, functions,
# shell options and working directory that differ from the snapshot.
__phasesplitWriteState() {
  local name current
  {
    echo "# phasesplit: shell state after segment $__phasesplitSegment of $__phasesplitPackage"
    echo "# A variable NAME is restored only when __phasesplitRestores NAME succeeds."
    echo 'declare -F __phasesplitRestores >/dev/null || __phasesplitRestores() { return 0; }'
    for name in $(compgen -v); do
      __phasesplitIsTransientVariable "$name" && continue
      current=$(declare -p "$name" 2>/dev/null) || continue
      [ "${__phasesplitSnapshotVariables[$name]-}" = "$current" ] && continue
      if current=$(__phasesplitDeclaration "$name"); then
        printf '__phasesplitRestores %s && %s\n' "$name" "$current"
      fi
    done
    for name in "${!__phasesplitSnapshotVariables[@]}"; do
      if ! declare -p "$name" >/dev/null 2>&1; then
        printf '__phasesplitRestores %s && unset -v %s\n' "$name" "$name"
      fi
    done
    for name in $(compgen -A function); do
      [[ $name == __phasesplit* || $name == phasesplit* ]] && continue
      current=$(declare -f "$name")
      [ "${__phasesplitSnapshotFunctions[$name]-}" = "$current" ] && continue
      printf '%s\n' "$current"
      [[ "$(declare -F -p "$name")" == "declare -fx"* ]] && printf 'export -f %s\n' "$name"
    done
    __phasesplitShellOptions
    printf 'declare -g __phasesplitCwd=%q\n' "$PWD"
  } >"$1"
}

# The commands that restore the shell options, leaving out the ones the runner controls
# (errexit, errtrace) and the ones only an interactive shell or bash itself may set.
__phasesplitShellOptions() {
  local line
  while IFS= read -r line; do
    case $line in
      *" login_shell" | *" restricted_shell" | *" progcomp_alias") ;;
      *) printf '%s\n' "$line" ;;
    esac
  done < <(shopt -p)
  while IFS= read -r line; do
    case $line in
      *" errexit" | *" errtrace" | *" emacs" | *" vi" | *" history" | *" monitor" | *" interactive-comments") ;;
      *) printf '%s\n' "$line" ;;
    esac
  done < <(set +o)
}

# __phasesplitRestores NAME: whether state.sh may restore NAME. A variable that is an
# attribute of this segment but was none of the previous one keeps this segment's value:
# that is how an edited late attribute (postInstall) wins over the saved state.
__phasesplitRestores() {
  local attribute previous
  for attribute in "${__phasesplitAttributes[@]}"; do
    if [ "$attribute" = "$1" ]; then
      for previous in "${__phasesplitPreviousAttributes[@]}"; do
        [ "$previous" = "$1" ] && return 0
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
