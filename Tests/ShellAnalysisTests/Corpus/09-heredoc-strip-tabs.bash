if [ -n "$withConfig" ]; then
	cat >> $out/etc/tool.conf <<-END
		datadir = ${datadir:-$out/share}
		threads = $((NIX_BUILD_CORES * 2))
	END
fi
