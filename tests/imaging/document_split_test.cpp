// Splitting a stack at cover sheets: every page lands in exactly one place.
#include <gtest/gtest.h>

#include "imaging/document_split.h"

namespace pk::imaging {
namespace {

imaging::CoverSheet cover(const char* type) { return {"APP1", type}; }

TEST(SplitDocuments, CoverSheetsStartDocuments) {
  const std::vector<PageMarks> stack = {{1, false, cover("passport")},
                                        {2, false, {}},
                                        {3, false, {}},
                                        {4, false, cover("amayesh_card")},
                                        {5, false, {}}};
  const auto documents = split_documents(stack, BlankPages::Keep);
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_EQ(documents[0].cover, cover("passport"));
  EXPECT_EQ(documents[0].cover_sequence, 1);
  EXPECT_EQ(documents[0].pages, (std::vector<int>{2, 3}));
  EXPECT_EQ(documents[1].pages, (std::vector<int>{5}));
}

TEST(SplitDocuments, PagesBeforeTheFirstCoverAreKeptWithoutOne) {
  const std::vector<PageMarks> stack = {{1, false, {}}, {2, false, cover("photo")}, {3, false, {}}};
  const auto documents = split_documents(stack, BlankPages::Keep);
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_FALSE(documents[0].cover);
  EXPECT_EQ(documents[0].pages, (std::vector<int>{1}));
}

TEST(SplitDocuments, BlankBacksSetAsideNotDropped) {
  const std::vector<PageMarks> stack = {
      {1, false, cover("passport")}, {2, true, {}}, {3, false, {}}, {4, true, {}}};
  const auto aside = split_documents(stack, BlankPages::SetAside);
  ASSERT_EQ(aside.size(), 1U);
  EXPECT_EQ(aside[0].pages, (std::vector<int>{3}));
  EXPECT_EQ(aside[0].blank_pages, (std::vector<int>{2, 4}));
  const auto kept = split_documents(stack, BlankPages::Keep);
  EXPECT_EQ(kept[0].pages, (std::vector<int>{2, 3, 4}));
}

TEST(SplitDocuments, EmptyStackAndCoverOnly) {
  EXPECT_TRUE(split_documents({}, BlankPages::Keep).empty());
  const std::vector<PageMarks> stack = {{1, false, cover("a")}, {2, false, cover("b")}};
  const auto documents = split_documents(stack, BlankPages::Keep);
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_TRUE(documents[0].pages.empty());  // an empty document: the operator sees it, nothing vanishes
}

}  // namespace
}  // namespace pk::imaging
