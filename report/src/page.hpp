#pragma once
// Fills the page template: title, style, body, the data blob, the charting library and the
// page script, all inline.
//
// Invariants:
//  - Each {{SLOT}} of the template is replaced once; text put into a slot is never scanned
//    for slots again.
//  - Script content cannot end its <script> element early: "</" is written "<\/" in the
//    JSON blob, and embedded scripts are checked to hold no "</script".
#include <string>

#include "context.hpp"

namespace bedflow::report {

std::string render_page(const std::string& title, const PageParts& parts);

}  // namespace bedflow::report
