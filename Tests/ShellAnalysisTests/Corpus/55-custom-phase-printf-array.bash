addPhaseNote post
printf '%s\n' "${phaseNotes[@]}" > "$out/share/notes/phases.txt"
