/* placeholder until gfx lands */
#include "core/model.h"
