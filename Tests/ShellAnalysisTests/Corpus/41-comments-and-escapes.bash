# installPhase for $notAVariable
echo \$literal '$alsoLiteral' "\$escaped $real" # trailing $comment
echo "a \"quoted\" $word"
