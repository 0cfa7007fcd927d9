"""Run Vale styles unchanged: translate Vale rule files and `.vale.ini` into newslint's terms."""
