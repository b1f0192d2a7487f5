#pragma once
// Where each part of the wall goes, by proportion of the window, so the same screen
// works on a 1920x1080 TV, a 1280x720 one and a portrait monitor. Pure arithmetic
// (no ImGui), so tests check it at every size.
#include <vector>

namespace antrian::display {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

struct ScreenLayout {
  Box header;               // office, hall, date, clock
  Box link_bar;             // offline / connecting (h = 0 when not shown)
  Box problem_bar;          // configuration problems (h = 0 when not shown)
  std::vector<Box> banners; // disruption banners, top to bottom
  Box newest;               // the newest call, very large
  Box lokets;               // the board of latest calls per loket
  Box services;             // waiting, estimated wait and status per service
  Box footer;               // running text
};

inline constexpr int kMaxBanners = 2;  // more go to the running text only

// Every box lies inside the window and none overlap.
ScreenLayout layout_screen(float width, float height, bool link_bar, bool problem_bar, int banners);

struct Grid {
  int cols = 1, rows = 1;
};

// Columns and rows for n tiles in a w x h box that make the tiles as tall as
// possible while each stays at least `min_aspect` times wider than tall (a loket
// name, a ticket number and its details side by side).
Grid tile_grid(int n, float w, float h, float min_aspect = 2.6f);

// The box of tile i (row-major) in the grid, with gap pixels between tiles.
Box tile_box(const Box& area, const Grid& g, int i, float gap);

}  // namespace antrian::display
