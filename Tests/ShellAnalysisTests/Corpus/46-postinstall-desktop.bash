mkdir -p $out/share/applications
cat > $out/share/applications/tool.desktop <<EOF
[Desktop Entry]
Name=${desktopName}
Exec=$out/bin/tool %U
Icon=${pname}
EOF
install -Dm644 icon.png $out/share/icons/hicolor/256x256/apps/${pname}.png
