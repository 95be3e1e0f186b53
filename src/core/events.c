/* placeholder until the events store lands */
#include "model.h"
