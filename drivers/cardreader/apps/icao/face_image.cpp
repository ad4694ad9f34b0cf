#include "drivers/cardreader/apps/icao/face_image.h"

#include <openjpeg.h>
#include <turbojpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace pk::cardreader::icao {

namespace {

struct TjFree {
  void operator()(void* handle) const { tjDestroy(handle); }
};

Result<void> check_size(int width, int height) {
  if (width <= 0 || height <= 0 || width > kMaxFaceSide || height > kMaxFaceSide)
    return make_error("face image of " + std::to_string(width) + "x" + std::to_string(height) +
                      " pixels is refused");
  return {};
}

// OpenJPEG reads and writes through callbacks; these serve a byte buffer.
struct MemoryStream {
  ByteView input;
  Bytes* output = nullptr;
  std::size_t position = 0;
};

OPJ_SIZE_T read_memory(void* buffer, OPJ_SIZE_T size, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  if (s->position >= s->input.size()) return static_cast<OPJ_SIZE_T>(-1);
  const std::size_t n = std::min<std::size_t>(size, s->input.size() - s->position);
  std::memcpy(buffer, s->input.data() + s->position, n);
  s->position += n;
  return n;
}

OPJ_SIZE_T write_memory(void* buffer, OPJ_SIZE_T size, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  const auto* bytes = static_cast<const std::uint8_t*>(buffer);
  if (s->output->size() < s->position + size) s->output->resize(s->position + size);
  std::memcpy(s->output->data() + s->position, bytes, size);
  s->position += size;
  return size;
}

OPJ_OFF_T skip_memory(OPJ_OFF_T count, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  const std::size_t limit = s->output != nullptr ? SIZE_MAX / 2 : s->input.size();
  if (count < 0 || s->position + static_cast<std::size_t>(count) > limit) return -1;
  s->position += static_cast<std::size_t>(count);
  return count;
}

OPJ_BOOL seek_memory(OPJ_OFF_T offset, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  if (offset < 0 || (s->output == nullptr && static_cast<std::size_t>(offset) > s->input.size()))
    return OPJ_FALSE;
  s->position = static_cast<std::size_t>(offset);
  return OPJ_TRUE;
}

void quiet(const char*, void*) {}

struct StreamFree {
  void operator()(opj_stream_t* s) const { opj_stream_destroy(s); }
};
struct CodecFree {
  void operator()(opj_codec_t* c) const { opj_destroy_codec(c); }
};
struct ImageFree {
  void operator()(opj_image_t* i) const { opj_image_destroy(i); }
};

opj_stream_t* make_stream(MemoryStream& memory, bool input) {
  opj_stream_t* stream = opj_stream_create(64 * 1024, input ? OPJ_TRUE : OPJ_FALSE);
  if (stream == nullptr) return nullptr;
  opj_stream_set_user_data(stream, &memory, nullptr);
  if (input) {
    opj_stream_set_user_data_length(stream, memory.input.size());
    opj_stream_set_read_function(stream, read_memory);
  } else {
    opj_stream_set_write_function(stream, write_memory);
  }
  opj_stream_set_skip_function(stream, skip_memory);
  opj_stream_set_seek_function(stream, seek_memory);
  return stream;
}

}  // namespace

Result<RgbImage> decode_jpeg(ByteView data) {
  std::unique_ptr<void, TjFree> tj(tjInitDecompress());
  if (!tj) return make_error("libturbojpeg cannot start");
  int width = 0;
  int height = 0;
  int subsampling = 0;
  int colorspace = 0;
  if (tjDecompressHeader3(tj.get(), data.data(), static_cast<unsigned long>(data.size()), &width, &height,
                          &subsampling, &colorspace) != 0)
    return make_error(std::string("face JPEG header is unreadable: ") + tjGetErrorStr2(tj.get()));
  if (auto ok = check_size(width, height); !ok) return ok.error();
  RgbImage image{
      width, height,
      std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)};
  if (tjDecompress2(tj.get(), data.data(), static_cast<unsigned long>(data.size()), image.pixels.data(),
                    width, 0, height, TJPF_RGB, TJFLAG_ACCURATEDCT) != 0)
    return make_error(std::string("face JPEG does not decode: ") + tjGetErrorStr2(tj.get()));
  return image;
}

Result<RgbImage> decode_jpeg2000(ByteView data) {
  // A JP2 file starts with its signature box; otherwise expect a bare J2K codestream.
  static constexpr std::uint8_t kJp2Signature[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
  static constexpr std::uint8_t kJ2kSignature[] = {0xFF, 0x4F, 0xFF, 0x51};
  OPJ_CODEC_FORMAT format = OPJ_CODEC_UNKNOWN;
  if (data.size() >= sizeof kJp2Signature &&
      std::equal(std::begin(kJp2Signature), std::end(kJp2Signature), data.begin()))
    format = OPJ_CODEC_JP2;
  else if (data.size() >= sizeof kJ2kSignature &&
           std::equal(std::begin(kJ2kSignature), std::end(kJ2kSignature), data.begin()))
    format = OPJ_CODEC_J2K;
  else
    return make_error("face image is neither a JP2 file nor a JPEG 2000 codestream");

  MemoryStream memory{data, nullptr, 0};
  std::unique_ptr<opj_stream_t, StreamFree> stream(make_stream(memory, true));
  std::unique_ptr<opj_codec_t, CodecFree> codec(opj_create_decompress(format));
  if (!stream || !codec) return make_error("OpenJPEG cannot start");
  opj_set_info_handler(codec.get(), quiet, nullptr);
  opj_set_warning_handler(codec.get(), quiet, nullptr);
  opj_set_error_handler(codec.get(), quiet, nullptr);
  opj_dparameters_t parameters;
  opj_set_default_decoder_parameters(&parameters);
  if (!opj_setup_decoder(codec.get(), &parameters)) return make_error("OpenJPEG decoder setup failed");
  opj_image_t* raw = nullptr;
  if (!opj_read_header(stream.get(), codec.get(), &raw))
    return make_error("face JPEG 2000 header is unreadable");
  std::unique_ptr<opj_image_t, ImageFree> image(raw);
  const int width = static_cast<int>(image->x1 - image->x0);
  const int height = static_cast<int>(image->y1 - image->y0);
  if (auto ok = check_size(width, height); !ok) return ok.error();
  if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
    return make_error("face JPEG 2000 does not decode");
  if (image->numcomps != 1 && image->numcomps < 3)
    return make_error("face JPEG 2000 has " + std::to_string(image->numcomps) + " components");
  for (OPJ_UINT32 c = 0; c < std::min<OPJ_UINT32>(image->numcomps, 3); ++c) {
    const opj_image_comp_t& comp = image->comps[c];
    if (comp.data == nullptr || static_cast<int>(comp.w) != width || static_cast<int>(comp.h) != height ||
        comp.prec == 0 || comp.prec > 16)
      return make_error("face JPEG 2000 uses subsampled or unusual components, which are not supported");
  }
  RgbImage out{
      width, height,
      std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)};
  for (std::size_t i = 0; i < static_cast<std::size_t>(width) * static_cast<std::size_t>(height); ++i) {
    for (int c = 0; c < 3; ++c) {
      const opj_image_comp_t& comp = image->comps[image->numcomps == 1 ? 0 : c];
      int value = comp.data[i] + (comp.sgnd ? (1 << (comp.prec - 1)) : 0);
      if (comp.prec > 8)
        value >>= (comp.prec - 8);
      else if (comp.prec < 8)
        value <<= (8 - comp.prec);
      out.pixels[i * 3 + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(std::clamp(value, 0, 255));
    }
  }
  return out;
}

Result<RgbImage> decode_face(const EncodedFace& face) {
  return face.format == ImageFormat::Jpeg ? decode_jpeg(face.data) : decode_jpeg2000(face.data);
}

Result<Bytes> encode_jpeg(const RgbImage& image, int quality) {
  std::unique_ptr<void, TjFree> tj(tjInitCompress());
  if (!tj) return make_error("libturbojpeg cannot start");
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  if (tjCompress2(tj.get(), image.pixels.data(), image.width, 0, image.height, TJPF_RGB, &buffer, &size,
                  TJSAMP_420, quality, 0) != 0) {
    tjFree(buffer);
    return make_error(std::string("JPEG encoding failed: ") + tjGetErrorStr2(tj.get()));
  }
  Bytes out(buffer, buffer + size);
  tjFree(buffer);
  return out;
}

Result<Bytes> encode_jpeg2000(const RgbImage& image) {
  opj_image_cmptparm_t comps[3];
  std::memset(comps, 0, sizeof comps);
  for (auto& c : comps) {
    c.dx = 1;
    c.dy = 1;
    c.w = static_cast<OPJ_UINT32>(image.width);
    c.h = static_cast<OPJ_UINT32>(image.height);
    c.prec = 8;
    c.sgnd = 0;
  }
  std::unique_ptr<opj_image_t, ImageFree> img(opj_image_create(3, comps, OPJ_CLRSPC_SRGB));
  if (!img) return make_error("OpenJPEG cannot allocate the image");
  img->x0 = 0;
  img->y0 = 0;
  img->x1 = static_cast<OPJ_UINT32>(image.width);
  img->y1 = static_cast<OPJ_UINT32>(image.height);
  for (std::size_t i = 0; i < static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
       ++i)
    for (int c = 0; c < 3; ++c) img->comps[c].data[i] = image.pixels[i * 3 + static_cast<std::size_t>(c)];
  opj_cparameters_t parameters;
  opj_set_default_encoder_parameters(&parameters);
  parameters.tcp_numlayers = 1;
  parameters.tcp_rates[0] = 0;  // lossless
  parameters.cp_disto_alloc = 1;
  std::unique_ptr<opj_codec_t, CodecFree> codec(opj_create_compress(OPJ_CODEC_JP2));
  if (!codec) return make_error("OpenJPEG cannot start");
  opj_set_info_handler(codec.get(), quiet, nullptr);
  opj_set_warning_handler(codec.get(), quiet, nullptr);
  opj_set_error_handler(codec.get(), quiet, nullptr);
  if (!opj_setup_encoder(codec.get(), &parameters, img.get()))
    return make_error("OpenJPEG encoder setup failed");
  Bytes out;
  MemoryStream memory{{}, &out, 0};
  std::unique_ptr<opj_stream_t, StreamFree> stream(make_stream(memory, false));
  if (!stream) return make_error("OpenJPEG cannot open a stream");
  if (!opj_start_compress(codec.get(), img.get(), stream.get()) || !opj_encode(codec.get(), stream.get()) ||
      !opj_end_compress(codec.get(), stream.get()))
    return make_error("JPEG 2000 encoding failed");
  stream.reset();
  return out;
}

}  // namespace pk::cardreader::icao
