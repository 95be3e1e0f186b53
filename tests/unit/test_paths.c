/* paths_exe_in_build(): an executable counts as uninstalled only when it
 * really lives inside the compiled-in build folder, and this test binary
 * (which runs from the build folder) is uninstalled. */
#include <stdlib.h>

#include "paths.h"
#include "testlib.h"

int main(void)
{
	static const struct {
		const char *exe, *build;
		bool want;
	} cases[] = {
		{"/src/motcua/build/src/motcua", "/src/motcua/build", true},
		{"/src/motcua/build/src/motcua", "/src/motcua/build/", true},
		{"/src/motcua/build/tests/unit/test_x", "/src/motcua/build", true},
		{"/usr/bin/motcua", "/src/motcua/build", false},
		{"/usr/local/bin/motcua", "/src/motcua/build", false},
		/* A sibling folder whose name starts like the build folder. */
		{"/src/motcua/build-release/src/motcua", "/src/motcua/build", false},
		{"/src/motcua/build", "/src/motcua/build", false},
		{"/src/motcua/build/src/motcua", "", false},
		{"/src/motcua/build/src/motcua", "/", false},
		{"motcua", "/src/motcua/build", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool got = paths_exe_in_build(cases[i].exe, cases[i].build);
		if (got != cases[i].want)
			fprintf(stderr, "case %zu: %s in %s\n", i, cases[i].exe, cases[i].build);
		CHECK(got == cases[i].want);
	}
	CHECK(paths_uninstalled());
	setenv("MOTCUA_FONTDIR", "/x/fonts", 1);
	CHECK_STR(paths_fontdir(), "/x/fonts");
	return TEST_DONE();
}
