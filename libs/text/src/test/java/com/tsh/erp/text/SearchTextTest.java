package com.tsh.erp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "أحمد, احمد",
            "إبراهيم, ابراهيم",
            "آلة, اله",
            "مكتبة, مكتبه",
            "مستشفى, مستشفي",
            "مُحَمَّد, محمد",
            "كـــابل, كابل",
            "مسؤول, مسوول",
            "شاطئ, شاطي",
            "Café CRÈME, cafe creme",
            "'  USB   Cable  ', usb cable",
            "٠٧٧٠١٢٣٤٥٦٧, 07701234567",
            "۱۲۳, 123",
            "ﻛﺎﺑﻞ, كابل",
    })
    void variantsOfOneWordShareANormalForm(String written, String normal) {
        assertEquals(normal, SearchText.normalize(written));
    }

    @Test
    void everySpellingOfANameMatchesTheOthers() {
        String stored = SearchText.normalize("شاشة إل إي دي أصلية");
        assertTrue(stored.contains(SearchText.normalize("شاشه")));
        assertTrue(stored.contains(SearchText.normalize("ال اي دي")));
        assertTrue(stored.contains(SearchText.normalize("اصليّة")));
    }

    @Test
    void emptyAndNullAreEmpty() {
        assertEquals("", SearchText.normalize(null));
        assertEquals("", SearchText.normalize("   "));
    }

    @Test
    void likeWildcardsAreEscaped() {
        assertEquals("50\\% off\\_now\\\\", SearchText.escapeLike(SearchText.normalize("50% OFF_now\\")));
    }

    @Test
    void aDocumentHoldsEveryWordBetweenSpaces() {
        String doc = SearchText.document("TSH-CHG-0007", "Fast Charger 20 W", "شاحن سريع ٢٠ واط");
        assertTrue(doc.startsWith(" ") && doc.endsWith(" "), doc);
        for (String word : new String[]{"tsh-chg-0007", "tsh", "chg", "0007", "fast", "charger", "20", "w", "شاحن", "سريع", "واط"}) {
            assertTrue(doc.contains(" " + word + " "), word + " in " + doc);
        }
        assertEquals(1, doc.split(" 20 ", -1).length - 1, "each word once: " + doc);
    }

    @Test
    void aWordWithPunctuationIsAlsoStoredByItsParts() {
        String doc = SearchText.document("#41", "usb-c", "info@al-noor.example");
        for (String word : new String[]{"#41", "41", "usb-c", "usb", "c", "info@al-noor.example", "info", "al", "noor", "example"}) {
            assertTrue(doc.contains(" " + word + " "), word + " in " + doc);
        }
        assertTrue(SearchText.document("AB12-34").contains(" 1234 "), "a code in digit groups is also stored by its digits");
        assertEquals(" ", SearchText.document("", null, "-- ## --"), "punctuation alone is no word");
    }

    @Test
    void anArabicWordIsStoredWithAndWithoutItsPrefixes() {
        String doc = SearchText.document("والبطارية");
        for (String word : new String[]{"والبطاريه", "بطاريه", "طاريه"}) {
            assertTrue(doc.contains(" " + word + " "), word + " in " + doc);
        }
        assertTrue(SearchText.document("الشاحن").contains(" شاحن "));
        assertTrue(SearchText.document("للهاتف").contains(" هاتف "));
        assertEquals(" باب ", SearchText.document("باب"), "a prefix comes off only when three letters or more remain");
        assertEquals(" الله ", SearchText.document("الله"));
    }
}
