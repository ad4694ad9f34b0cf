#pragma once
// A 1-bit image the way a thermal printer takes it: rows of ceil(width/8) bytes, most
// significant bit leftmost, a set bit is a black dot. Width is in printer dots
// (576 for 80 mm paper, 384 for 58 mm at 203 dpi).
#include <cstdint>
#include <vector>

namespace pk {

inline constexpr int kDots80mm = 576;
inline constexpr int kDots58mm = 384;

class RasterImage {
 public:
  RasterImage() = default;
  RasterImage(int width, int height)
      : m_width(width), m_height(height), m_bits(static_cast<std::size_t>(stride_for(width)) * height, 0) {}

  [[nodiscard]] static constexpr int stride_for(int width) { return (width + 7) / 8; }
  [[nodiscard]] int width() const { return m_width; }
  [[nodiscard]] int height() const { return m_height; }
  [[nodiscard]] int stride() const { return stride_for(m_width); }
  [[nodiscard]] bool empty() const { return m_height == 0 || m_width == 0; }

  [[nodiscard]] bool dot(int x, int y) const { return (m_bits[index(x, y)] & (0x80U >> (x % 8))) != 0; }
  void set_dot(int x, int y, bool black) {
    const auto mask = static_cast<std::uint8_t>(0x80U >> (x % 8));
    auto& byte = m_bits[index(x, y)];
    byte = black ? static_cast<std::uint8_t>(byte | mask) : static_cast<std::uint8_t>(byte & ~mask);
  }

  [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return m_bits; }
  [[nodiscard]] std::vector<std::uint8_t>& bytes() { return m_bits; }
  [[nodiscard]] const std::uint8_t* row(int y) const {
    return m_bits.data() + static_cast<std::size_t>(y) * stride();
  }

  // Appends `other` below this image; widths must match (an empty image takes other's width).
  void append_rows(const RasterImage& other) {
    if (empty()) m_width = other.m_width;
    m_bits.insert(m_bits.end(), other.m_bits.begin(), other.m_bits.end());
    m_height += other.m_height;
  }

  [[nodiscard]] std::size_t black_dots() const {
    std::size_t count = 0;
    for (auto byte : m_bits) count += static_cast<std::size_t>(__builtin_popcount(byte));
    return count;
  }

  friend bool operator==(const RasterImage&, const RasterImage&) = default;

 private:
  [[nodiscard]] std::size_t index(int x, int y) const {
    return static_cast<std::size_t>(y) * stride() + static_cast<std::size_t>(x / 8);
  }

  int m_width = 0;
  int m_height = 0;
  std::vector<std::uint8_t> m_bits;
};

}  // namespace pk
