package io.directline.web;

import io.directline.cases.CaseManagement;
import io.directline.customer.CustomerManagement;
import io.directline.identity.UserManagement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser test needs: the server's port, people to sign in as, and browsers closed after each test. */
@BrowserTest
abstract class ScreenTest {

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    @Autowired
    CaseManagement cases;

    People people;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeEach
    void preparePeople() {
        people = new People(customers, users, cases);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    /** A new browser, closed after the test. */
    Browser browser() {
        var browser = Browser.open(port);
        browsers.add(browser);
        return browser;
    }
}
