/* placeholder until the UI lands */
#include "core/model.h"
