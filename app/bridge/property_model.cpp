#include "property_model.h"
