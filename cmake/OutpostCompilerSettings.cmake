# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries every compile setting shared by Outpost's own
# targets, so no global add_definitions()/include_directories() are needed.

add_library(outpost_compile_settings INTERFACE)
add_library(Outpost::CompileSettings ALIAS outpost_compile_settings)

target_compile_features(outpost_compile_settings INTERFACE cxx_std_20)

# Code includes headers as "core/...", "ui/..." from the source root.
target_include_directories(outpost_compile_settings INTERFACE
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>")

target_compile_definitions(outpost_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OUTPOST_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(outpost_compile_settings INTERFACE
        -Wall -Wextra -Wpedantic
        -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wformat=2 -Wimplicit-fallthrough -Wnull-dereference
        -Wmissing-declarations)
    if(WARNINGS_AS_ERRORS)
        target_compile_options(outpost_compile_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(outpost_compile_settings INTERFACE /W4 /permissive- /utf-8)
    if(WARNINGS_AS_ERRORS)
        target_compile_options(outpost_compile_settings INTERFACE /WX)
    endif()
endif()

# Coverage instrumentation for libFuzzer: the library code the fuzz targets
# exercise is instrumented too.
if(OUTPOST_FUZZ)
    target_compile_options(outpost_compile_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(outpost_compile_settings INTERFACE -fsanitize=address,undefined)
endif()

# ASan + UBSan build of everything, tests included (scripts/test-sanitizers.sh).
if(OUTPOST_SANITIZE)
    target_compile_options(outpost_compile_settings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(outpost_compile_settings INTERFACE -fsanitize=address,undefined)
endif()
