import CLRPlotCairo

/// DejaVu Sans (regular and bold) loaded straight from its font files through FreeType, for
/// one render.
///
/// Cairo's toy font API finds "DejaVu Sans" through fontconfig, whose first use in a process
/// parses every configuration file and font cache: about 6 ms, a quarter of a small chart's
/// whole run. Loading the files directly gives the same glyphs (the same files fontconfig
/// picks; the context's font options — hint style none, hint metrics off, grey antialiasing —
/// decide the rasterization either way). Where the files are not at a known path, or FreeType
/// fails, ``select(_:on:)`` falls back to the toy API.
///
/// Each render has its own FreeType library: the faces are handed to Cairo, which may keep
/// them in its caches after the render; each face frees itself (and the library, with the
/// last face) when Cairo destroys it.
final class CairoFontFaces {
    /// Where Debian/Ubuntu, Fedora, Arch and Homebrew put DejaVu Sans.
    static let directories = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
        "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts", "/opt/homebrew/share/fonts",
    ]

    private let regular: OpaquePointer?
    private let bold: OpaquePointer?

    /// Loads the faces from the first of `directories` that has both files, or leaves them
    /// `nil` (the toy API is used then).
    init(directories: [String] = CairoFontFaces.directories) {
        guard let directory = directories.first(where: { Self.exists("\($0)/DejaVuSans.ttf") && Self.exists("\($0)/DejaVuSans-Bold.ttf") }),
              let library = FreeTypeLibrary() else {
            regular = nil
            bold = nil
            return
        }
        let r = library.cairoFace("\(directory)/DejaVuSans.ttf")
        let b = library.cairoFace("\(directory)/DejaVuSans-Bold.ttf")
        if let r, let b {
            regular = r
            bold = b
        } else {
            if let r { cairo_font_face_destroy(r) }
            if let b { cairo_font_face_destroy(b) }
            regular = nil
            bold = nil
        }
    }

    deinit {
        if let regular { cairo_font_face_destroy(regular) }
        if let bold { cairo_font_face_destroy(bold) }
    }

    /// Whether the font files were loaded (otherwise fontconfig finds the family).
    var loadedFromFiles: Bool { regular != nil }

    /// Selects DejaVu Sans in `style` on `cr`.
    func select(_ style: TextStyle, on cr: OpaquePointer) {
        if let face = style.bold ? bold : regular {
            cairo_set_font_face(cr, face)
        } else {
            cairo_select_font_face(
                cr, CairoFont.family, CAIRO_FONT_SLANT_NORMAL,
                style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(cr, style.size)
    }

    private static func exists(_ path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        fclose(file)
        return true
    }
}

/// A FreeType library that lives as long as the faces made from it.
private final class FreeTypeLibrary {
    let handle: FT_Library

    init?() {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        handle = library
    }

    deinit { FT_Done_FreeType(handle) }

    /// A Cairo font face for the font file at `path` (`nil` if FreeType cannot open it). The
    /// FreeType face, and this library, are kept until Cairo destroys the font face.
    func cairoFace(_ path: String) -> OpaquePointer? {
        var face: FT_Face?
        guard FT_New_Face(handle, path, 0, &face) == 0, let face else { return nil }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            FT_Done_Face(face)
            return nil
        }
        let owner = FreeTypeFace(face: face, library: self)
        let status = cairo_font_face_set_user_data(
            cairoFace, owner.key, Unmanaged.passRetained(owner).toOpaque(),
            { owner in if let owner { Unmanaged<FreeTypeFace>.fromOpaque(owner).release() } })
        guard status == CAIRO_STATUS_SUCCESS else {
            // Cairo did not take the owner: give it back, then drop the face.
            Unmanaged.passUnretained(owner).release()
            cairo_font_face_destroy(cairoFace)
            return nil
        }
        return cairoFace
    }
}

/// A FreeType face, freed (after Cairo is done with it) when Cairo releases its font face.
private final class FreeTypeFace {
    let face: FT_Face
    let library: FreeTypeLibrary
    /// The address Cairo files this owner under.
    let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    init(face: FT_Face, library: FreeTypeLibrary) {
        self.face = face
        self.library = library
        key.initialize(to: cairo_user_data_key_t())
    }

    deinit {
        FT_Done_Face(face)
        key.deallocate()
    }
}
