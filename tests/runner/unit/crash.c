/* A unit binary that crashes after one good check. */
#include <signal.h>
#include "harness.h"

int
main(void)
{
	OK(1, "unit crash: first check");
	raise(SIGSEGV);
	OK(1, "unit crash: never reached");
	return harness_done();
}
