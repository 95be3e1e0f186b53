/* placeholder until the csv module lands */
#include "csv.h"
