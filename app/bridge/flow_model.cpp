#include "flow_model.h"
