printf $'%s\n' "$out"
IFS=$'\n\t'
echo $"localized $message"
