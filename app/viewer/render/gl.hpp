#pragma once
// Core-profile GL entry points straight from libOpenGL (GLVND exports them all).
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
