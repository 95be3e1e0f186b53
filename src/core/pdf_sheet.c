/* placeholder until the PDF sheet lands */
#include "model.h"
