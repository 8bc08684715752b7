// Document data must read back from a real glass database whatever its size
// and compressibility. Xapian 1.4.22 cannot read back some tags it compressed
// itself (highly compressible, just over a multiple of 8 KiB: "Too few chunks
// of compressed data"); oped deflates document data before Xapian sees it.

#include "support/temp_dir.hpp"

#include <oped/common/docdata.hpp>
#include <oped/indexer/document.hpp>
#include <oped/indexer/index_writer.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

namespace oped::test {
namespace {

TEST(DocDataStorage, HighlyCompressibleBodiesOfEverySizeReadBack) {
    TempDir dir;
    const std::string db_path = (dir / "db").string();
    constexpr int k_docs = 400;
    {
        auto opened = indexer::open_for_writing(db_path);
        ASSERT_TRUE(opened) << opened.error().message;
        Xapian::WritableDatabase db = std::move(opened).value();
        for (int n = 0; n < k_docs; ++n) {
            Article a;
            a.path = "/p/" + std::to_string(n);
            a.title = "Page " + std::to_string(n);
            // Sizes sweep 8 KiB to 16 KiB: the shape that broke Xapian's reading.
            while (a.body.size() < 8192 + static_cast<std::size_t>(n) * 21) a.body += "aaaaaaaaab";
            Xapian::Document doc;
            doc.set_data(encode_docdata(a));
            db.add_document(doc);
        }
        db.commit();
    }
    Xapian::Database db(db_path);
    int unreadable = 0;
    for (Xapian::docid id = 1; id <= k_docs; ++id) {
        try {
            auto article = decode_docdata(db.get_document(id).get_data());
            if (!article || article.value().path != "/p/" + std::to_string(id - 1)) ++unreadable;
        } catch (const Xapian::Error& e) {
            ++unreadable;
        }
    }
    EXPECT_EQ(unreadable, 0);
}

} // namespace
} // namespace oped::test
