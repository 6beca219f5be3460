/* A unit binary that passes: its plan line comes from harness_done(). */
#include "harness.h"

int
main(void)
{
	OK(1, "unit good: one");
	INT_EQ(2, 2, "unit good: two");
	return harness_done();
}
