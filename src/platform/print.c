/* placeholder until printing lands */
#include "core/model.h"
