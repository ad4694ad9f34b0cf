#pragma once
// Whether a window is drawn through OpenGL or by SDL's software renderer.
//
// Without a GPU, Mesa still offers OpenGL, through a rasteriser on the CPU (llvmpipe, softpipe,
// the classic swrast). It draws on the CPU as SDL's software renderer does, at a much higher
// price in memory: in a 1920x1080 window under Xvfb llvmpipe cost about 90 MB of the kiosk's
// 141 MB resident (55 MB of LLVM's code, touched to JIT-compile its shaders; Mesa's own 10 MB; a
// back buffer the window's size; a copy of every texture; LLVM's and Mesa's heap), where the
// software renderer and our raster path (software_raster.h) draw straight into the window's
// pixels. docs/memory.md has the figures.
struct SDL_Renderer;

namespace pk::ui {

enum class RendererPreference {
  Auto,      // OpenGL on a GPU; the software renderer when there is none, or GL turns out to be one
  Gpu,       // OpenGL whatever it is (PK_RENDERER=gpu: to compare)
  Software,  // never try OpenGL (PK_RENDERER=software)
};

// From PK_RENDERER ("gpu" or "software"); Auto when unset or anything else.
[[nodiscard]] RendererPreference renderer_preference_from_environment();

// Whether the kernel offers a GPU to draw with: a DRM render node (/dev/dri/renderD*) or
// NVIDIA's device. Without one, Mesa can only rasterise on the CPU.
[[nodiscard]] bool machine_has_gpu();

// Whether the OpenGL renderer SDL made is a rasteriser on the CPU (GL_RENDERER names llvmpipe,
// softpipe or "Software Rasterizer"): a machine with a GPU device whose display cannot use it
// (Xvfb has no DRI). False for any renderer that is not SDL's OpenGL one.
[[nodiscard]] bool gl_renderer_is_software(SDL_Renderer* renderer);

}  // namespace pk::ui
