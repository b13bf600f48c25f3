phaseNotes=(start)
addPhaseNote() {
  phaseNotes+=("$1 in $(basename "$PWD")")
}
