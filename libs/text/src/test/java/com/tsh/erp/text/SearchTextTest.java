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
        assertEquals("50\\% off\\_now", SearchText.likePattern("50% OFF_now"));
    }
}
