/*
 * A main() for the fuzz targets without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on each file named, so the seed corpora
 * and the crashers kept in tests/fuzz/regress/ replay in `make check`
 * (tests/fuzz/t-fuzz-replay.sh) with the compiler and sanitizers of the
 * build under test.  Prints "ok - TARGET: FILE" per file; a crash
 * ends the program (the test script reports it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerInitialize(int *, char ***) __attribute__((weak));
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char *argv[])
{
	FILE	*f;
	char	*buf;
	uint8_t	*exact;
	size_t	 len, cap, n;
	int	 i;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 2;
		}
		len = 0;
		cap = 4096;
		if ((buf = malloc(cap)) == NULL)
			return 2;
		while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
			len += n;
			if (len == cap && (buf = realloc(buf, cap *= 2)) == NULL)
				return 2;
		}
		fclose(f);
		/* An exact-size copy, so ASan sees reads past the end. */
		if ((exact = malloc(len ? len : 1)) == NULL)
			return 2;
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		printf("ok - replay: %s\n", argv[i]);
		fflush(stdout);
	}
	return 0;
}
