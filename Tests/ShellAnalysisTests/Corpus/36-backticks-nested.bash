rev=`git -C "$src" rev-parse \`cat HEAD_REF\``
echo "rev=$rev date=`date -d @$SOURCE_DATE_EPOCH`"
