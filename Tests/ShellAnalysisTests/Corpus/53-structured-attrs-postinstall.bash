for ((i = 0; i < ${greeterSettings[repeat]}; i++)); do
  "$out/bin/plain-greet" "${greeterSettings[audience]}" >> "$out/share/doc/plain-greet/greetings.txt"
done
